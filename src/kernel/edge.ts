// What every input edge (HTTP query, params, body, the CLI, imported rows) refuses before a value
// can reach the database: characters PostgreSQL cannot store (NUL, unpaired UTF-16 surrogates),
// JSON nested deeper than any real document, integers outside PostgreSQL's int4, infinite
// numbers, impossible calendar dates and unbounded strings. Each refusal is a 400 naming the
// field; a database error that still gets through is mapped to a 400/409 (`problemFromDbError`)
// so that no input ends in a 500.
import type { Ajv } from 'ajv';
import { AppError, errorCatalogue, type FieldError } from './errors.ts';
import { text, type Text } from './i18n.ts';

export const inputLimits = {
  /** Deepest nesting of arrays and objects in a JSON body. */
  maxJsonDepth: 64,
  /** maxLength given to a string schema that declares none (and no enum, const or format). */
  defaultMaxLength: 10_000,
  /** Bounds given to an integer schema that declares none: PostgreSQL's int4. */
  intMin: -2147483648,
  intMax: 2147483647,
  /** Field errors reported at most per request. */
  maxErrors: 20,
} as const;

export const messages = {
  nul: text('Không được chứa ký tự NUL (\\u0000)', 'Must not contain the NUL character (\\u0000)'),
  surrogate: text('Chứa ký tự Unicode không hợp lệ (nửa cặp surrogate)', 'Contains an invalid Unicode character (unpaired surrogate)'),
  depth: text(`Dữ liệu JSON lồng nhau quá ${inputLimits.maxJsonDepth} cấp`, `JSON is nested more than ${inputLimits.maxJsonDepth} levels deep`),
  infinite: text('Phải là một số hữu hạn', 'Must be a finite number'),
  control: text('Không được chứa ký tự điều khiển', 'Must not contain control characters'),
  date: text('Không phải là ngày có thật (yyyy-mm-dd)', 'Not a real calendar date (yyyy-mm-dd)'),
} satisfies Record<string, Text>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or null. */
export function badString(s: string): Text | null {
  if (s.includes('\u0000')) return messages.nul;
  if (LONE_SURROGATE.test(s)) return messages.surrogate;
  return null;
}

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s` with what cannot be stored (NUL, unpaired surrogates) as U+FFFD: to echo a refused value in a report. */
export function storableEcho(s: string): string {
  return badString(s) ? s.replace(UNSTORABLE, '\uFFFD') : s;
}

/**
 * The cells of one imported row (registry and units imports, .xlsx or .csv) that cannot be
 * stored, by index, with why: the row is refused, naming the column, and the other rows go on.
 */
export function badCells(cells: readonly (string | null | undefined)[]): { index: number; message: Text }[] {
  const out: { index: number; message: Text }[] = [];
  cells.forEach((c, index) => {
    const bad = typeof c === 'string' ? badString(c) : null;
    if (bad) out.push({ index, message: bad });
  });
  return out;
}

const escapePointer = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Every string (and object key) in `value` that cannot be stored, every number that is not
 * finite (JSON's 1e400, or a query's "1e400" after coercion), with its path. Iterative, so a
 * deeply nested value cannot overflow the stack; values nested deeper than the JSON limit are
 * reported once.
 */
export function hostileValues(value: unknown, prefix: string): FieldError[] {
  const out: FieldError[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: prefix, depth: 0 }];
  while (stack.length > 0 && out.length < inputLimits.maxErrors) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const bad = badString(v);
      if (bad) out.push({ path: path === '' ? '/' : path, message: bad });
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push({ path: path === '' ? '/' : path, message: messages.infinite });
    } else if (v !== null && typeof v === 'object') {
      if (depth >= inputLimits.maxJsonDepth) {
        out.push({ path: path === '' ? '/' : path, message: messages.depth });
        continue;
      }
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}/${i}`, depth: depth + 1 });
      } else {
        const keys = Object.keys(v);
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i]!;
          const bad = badString(k);
          if (bad) {
            out.push({ path: `${path}/${escapePointer(k.replace(/[\u0000\uD800-\uDFFF]/g, '\uFFFD'))}`, message: bad });
            continue;
          }
          stack.push({ v: (v as Record<string, unknown>)[k], path: `${path}/${escapePointer(k)}`, depth: depth + 1 });
        }
      }
    }
  }
  return out;
}

/** Throws a 400 listing every value in `value` that cannot be stored. */
export function assertStorable(value: unknown, prefix: string): void {
  const errors = hostileValues(value, prefix);
  if (errors.length > 0) throw AppError.validation(errors);
}

/**
 * Whether a JSON text nests arrays and objects deeper than `max`, by one pass over the text
 * (before parsing it, so a body of five million "[" costs a scan and no parse).
 */
export function jsonTooDeep(src: string, max = inputLimits.maxJsonDepth): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** Whether a string starting with yyyy-mm-dd names a day that exists (2025-02-30 does not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return true; // the pattern, not this check, refuses other shapes
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

type Schema = Record<string, unknown>;
const DATE_PATTERN = /^\^?(\\d\{4\}|\[0-9\]\{4\})-/;

/**
 * A copy of a JSON schema with the defaults of `inputLimits` filled in where the schema says
 * nothing: int4 bounds on integers, a maxLength on free strings, and the `calendarDate` keyword
 * on strings whose pattern is a yyyy-mm-dd date. The schema given is not changed (OpenAPI shows
 * it as written).
 */
export function hardenSchema<T>(schema: T): T {
  if (schema === null || typeof schema !== 'object') return schema;
  // The same schema gives the same copy, so Ajv's own cache (by object) still works for a
  // schema shared by several routes.
  let out = hardened.get(schema);
  if (!out) {
    out = harden(schema, new Map()) as object;
    hardened.set(schema, out);
  }
  return out as T;
}
const hardened = new WeakMap<object, object>();

function harden(s: unknown, seen: Map<object, unknown>): unknown {
  if (s === null || typeof s !== 'object') return s;
  if (seen.has(s)) return seen.get(s);
  if (Array.isArray(s)) {
    const arr: unknown[] = [];
    seen.set(s, arr);
    for (const x of s) arr.push(harden(x, seen));
    return arr;
  }
  const out: Schema = {};
  seen.set(s, out);
  for (const [k, v] of Object.entries(s)) {
    // `const`, `enum`, `default` and `examples` hold values, not schemas.
    out[k] = k === 'const' || k === 'enum' || k === 'default' || k === 'examples' ? v : harden(v, seen);
  }
  const types = Array.isArray(out.type) ? (out.type as string[]) : typeof out.type === 'string' ? [out.type] : [];
  if (types.includes('integer')) {
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = inputLimits.intMin;
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = inputLimits.intMax;
  }
  if (types.includes('string') && out.enum === undefined && out.const === undefined) {
    if (out.maxLength === undefined && out.format === undefined) out.maxLength = inputLimits.defaultMaxLength;
    if (typeof out.pattern === 'string' && DATE_PATTERN.test(out.pattern) && out.format === undefined) out.calendarDate = true;
  }
  return out;
}

/** Adds the `calendarDate` keyword to an Ajv instance. */
export function addEdgeKeywords(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: 'calendarDate',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    validate: function calendarDate(on: boolean, data: string) {
      if (!on || isCalendarDate(data)) return true;
      (calendarDate as unknown as { errors: object[] }).errors = [{ keyword: 'calendarDate', message: 'must be a real calendar date', params: {} }];
      return false;
    },
  });
}

interface DbErrorLike {
  code?: unknown;
  detail?: unknown;
  column?: unknown;
  constraint?: unknown;
  message?: unknown;
}

const camel = (col: string) => col.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/**
 * The client's error for a PostgreSQL error that input caused (SQLSTATE classes 22 "data
 * exception", 23 "integrity constraint violation", 54 "program limit exceeded"), or null for
 * any other error (a server fault: 500). `part` names where the input came from (/body).
 */
export function problemFromDbError(err: unknown, part = '/body'): AppError | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as DbErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  if (!/^(22|23|54)[0-9A-Z]{3}$/.test(code)) return null;
  const detail = typeof e.detail === 'string' ? e.detail : '';
  const keyCol = /^Key \(([a-z_0-9]+)\)/.exec(detail)?.[1] ?? (typeof e.column === 'string' ? e.column : undefined);
  const path = keyCol ? `${part}/${camel(keyCol)}` : part;
  switch (code) {
    case '23505':
      return new AppError(errorCatalogue.conflict, text('Bản ghi này đã tồn tại (trùng {field})', 'This record already exists (duplicate {field})'), [], {
        field: keyCol ? camel(keyCol) : '?',
      });
    case '23503':
      if (detail.includes('still referenced'))
        return AppError.conflict(text('Bản ghi đang được dữ liệu khác sử dụng', 'The record is still in use by other data'));
      return AppError.validation([{ path, message: text('Không tìm thấy bản ghi được tham chiếu', 'The referenced record does not exist') }]);
    case '23502':
      return AppError.validation([{ path, message: text('Thiếu trường bắt buộc', 'Required field is missing') }]);
    case '23514':
    case '23P01':
      return AppError.validation([{ path, message: text('Giá trị vi phạm ràng buộc dữ liệu', 'The value breaks a data rule') }]);
    case '22001':
    case '54000':
      return AppError.validation([{ path, message: text('Giá trị quá dài để lưu', 'The value is too long to store') }]);
    case '22003':
      return AppError.validation([{ path, message: text('Số nằm ngoài khoảng cho phép', 'The number is out of range') }]);
    case '22007':
    case '22008':
      return AppError.validation([{ path, message: text('Ngày giờ không hợp lệ', 'Invalid date or time') }]);
    default:
      return AppError.validation([{ path, message: text('Giá trị không hợp lệ', 'Invalid value') }]);
  }
}
