// One validator for every edge: the same JSON schema checks an HTTP body, a CLI argument file
// and an imported row, and reports every error with its field path, not only the first.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Type, type TSchema, type Static } from 'typebox';
import { AppError, LimitError, type FieldError } from './errors.ts';
import { text, type Text } from './i18n.ts';
import { addEdgeKeywords, assertStorable, hardenSchema, messages } from './edge.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function createAjv(o: { coerceTypes?: boolean | 'array' } = {}): Ajv {
  // strictNumbers: NaN and Infinity (JSON's 1e400) are not numbers.
  const ajv = new Ajv({ allErrors: true, coerceTypes: o.coerceTypes ?? false, useDefaults: true, removeAdditional: false, strict: false, strictNumbers: true });
  addFormats(ajv);
  addEdgeKeywords(ajv);
  return ajv;
}

const ajv = createAjv();
const cache = new WeakMap<object, ValidateFunction>();

/** Vietnamese and English wording of each JSON-schema rule a user can break. */
function describe(e: ErrorObject): Text {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return text('Thiếu trường bắt buộc', 'Required field is missing');
    case 'type':
      return text(`Phải là kiểu ${typeVi(String(p.type))}`, `Must be of type ${String(p.type)}`);
    case 'minLength':
      return text(`Cần ít nhất ${p.limit} ký tự`, `Must have at least ${p.limit} characters`);
    case 'maxLength':
      return text(`Không được quá ${p.limit} ký tự`, `Must have at most ${p.limit} characters`);
    case 'minimum':
      return text(`Phải lớn hơn hoặc bằng ${p.limit}`, `Must be >= ${p.limit}`);
    case 'maximum':
      return text(`Phải nhỏ hơn hoặc bằng ${p.limit}`, `Must be <= ${p.limit}`);
    case 'exclusiveMinimum':
      return text(`Phải lớn hơn ${p.limit}`, `Must be > ${p.limit}`);
    case 'exclusiveMaximum':
      return text(`Phải nhỏ hơn ${p.limit}`, `Must be < ${p.limit}`);
    case 'pattern':
      return text('Không đúng định dạng', 'Does not match the expected format');
    case 'format':
      return text(`Không đúng định dạng ${p.format}`, `Must be a valid ${p.format}`);
    case 'enum':
      return text(`Phải là một trong: ${(p.allowedValues as unknown[]).join(', ')}`, `Must be one of: ${(p.allowedValues as unknown[]).join(', ')}`);
    case 'const':
      return text(`Phải bằng ${String(p.allowedValue)}`, `Must equal ${String(p.allowedValue)}`);
    case 'additionalProperties':
      return text('Trường không được phép', 'Field is not allowed');
    case 'minItems':
      return text(`Cần ít nhất ${p.limit} phần tử`, `Must have at least ${p.limit} items`);
    case 'maxItems':
      return text(`Không được quá ${p.limit} phần tử`, `Must have at most ${p.limit} items`);
    case 'calendarDate':
      return messages.date;
    case 'anyOf':
    case 'oneOf':
      return text('Giá trị không khớp với dạng nào được chấp nhận', 'Value matches none of the accepted forms');
    default:
      return text(`Giá trị không hợp lệ (${e.keyword})`, e.message ?? `Invalid value (${e.keyword})`);
  }
}

function typeVi(t: string): string {
  const m: Record<string, string> = {
    string: 'chuỗi',
    number: 'số',
    integer: 'số nguyên',
    boolean: 'đúng/sai',
    object: 'đối tượng',
    array: 'danh sách',
    null: 'rỗng',
  };
  return t
    .split(',')
    .map((x) => m[x] ?? x)
    .join(' hoặc ');
}

export function fieldErrorsFromAjv(errors: readonly ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      let path = prefix + (e.instancePath || '');
      if (e.keyword === 'required') path += `/${(e.params as { missingProperty: string }).missingProperty}`;
      if (e.keyword === 'additionalProperties') path += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
      return { path: path === '' ? '/' : path, message: describe(e) };
    });
}

/**
 * A `maxLength` at or above this is a document's text (a pasted plan: 1,000,000 characters), not
 * a field's: a body over it is too large (413, limit "text_chars"), not malformed (400).
 */
export const TEXT_LIMIT_CHARS = 100_000;

/**
 * The answer to a body that fails its schema: 413 naming the limit when a text is over a
 * document's length (TEXT_LIMIT_CHARS or more), otherwise a 400 listing every field in error.
 */
export function problemFromAjv(errors: readonly ErrorObject[] | null | undefined, prefix = ''): AppError {
  const long = (errors ?? []).find((e) => e.keyword === 'maxLength' && Number((e.params as { limit: number }).limit) >= TEXT_LIMIT_CHARS);
  if (long) {
    const limit = Number((long.params as { limit: number }).limit);
    const path = prefix + (long.instancePath || '');
    return new LimitError(
      'text_chars',
      text(`Văn bản quá dài: tối đa ${limit.toLocaleString('vi-VN')} ký tự`, `The text is too long: at most ${limit} characters`),
      path === '' ? '/' : path,
    );
  }
  return AppError.validation(fieldErrorsFromAjv(errors, prefix));
}

/** Validates `value` against `schema`; throws AppError(validation) listing every field in error (413 for a text over a document's length). */
export function check<S extends TSchema>(schema: S, value: unknown, pathPrefix = ''): Static<S> {
  let fn = cache.get(schema);
  if (!fn) {
    fn = ajv.compile(hardenSchema(schema as object));
    cache.set(schema, fn);
  }
  assertStorable(value, pathPrefix);
  if (!fn(value)) throw problemFromAjv(fn.errors, pathPrefix);
  return value as Static<S>;
}

/** A schema that also admits null (a column that may be empty). */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
