// Pure rules of the DCI Social Registry API v1.0.0 (spdci/api-standards,
// release/yaml/social_api_v1.0.0.yaml): the spec's vocabularies, the checks of a message header,
// the translation of a search query (identifier type and value, or a list of expressions) into
// a filter on the registry, and the record of a person as the spec's SRPerson. No I/O here
// (tests: model.test.ts, conformance against the spec's examples: conformance.test.ts).
import { maskPersonalId } from '../registry/presenters.ts';

/** The version of the API this module implements. */
export const DCI_VERSION = '1.0.0';
/** Our id as the receiver of messages and the sender of answers (header.sender_id). */
export const DCI_RECEIVER_ID = 'ansinh';

/** Error.code (communication-layer errors, in the ack and the HTTP error body). */
export const DCI_ERROR_CODES = [
  'err.request.bad',
  'err.request.unauthorized',
  'err.request.forbidden',
  'err.request.not_found',
  'err.request.timeout',
  'err.version.not_supported',
  'err.request.too_many_requests',
  'err.sender_id.invalid',
  'err.sender_uri.invalid',
  'err.receiver_id.invalid',
  'err.signature.missing',
  'err.signature.invalid',
  'err.encryption.invalid',
  'err.service.unavailable',
] as const;
export type DciErrorCode = (typeof DCI_ERROR_CODES)[number];

/** Response.message.ack_status. */
export const ACK_STATUSES = ['ACK', 'NACK', 'ERR'] as const;
/** MsgCallbackHeader.status and search_response[].status: received, pending, success, rejected. */
export const DCI_STATUSES = ['rcvd', 'pdng', 'succ', 'rjct'] as const;
export type DciStatus = (typeof DCI_STATUSES)[number];
/** MsgHeaderStatusReasonCode. */
export const HEADER_REASON_CODES = [
  'rjct.version.invalid',
  'rjct.message_id.duplicate',
  'rjct.message_ts.invalid',
  'rjct.action.invalid',
  'rjct.action.not_supported',
  'rjct.total_count.invalid',
  'rjct.total_count.limit_exceeded',
  'rjct.errors.too_many',
] as const;
export type HeaderReasonCode = (typeof HEADER_REASON_CODES)[number];
/** SearchStatusReasonCode. */
export const SEARCH_REASON_CODES = [
  'rjct.reference_id.invalid',
  'rjct.reference_id.duplicate',
  'rjct.timestamp.invalid',
  'rjct.search_criteria.invalid',
  'rjct.filter.invalid',
  'rjct.sort.invalid',
  'rjct.pagination.invalid',
  'rjct.search.too_many_records_found',
] as const;
export type SearchReasonCode = (typeof SEARCH_REASON_CODES)[number];
/** search_criteria.query_type. */
export const QUERY_TYPES = ['idtype-value', 'expression', 'predicate'] as const;
/** An expression's operator. */
export const OPERATORS = ['gt', 'lt', 'eq', 'ge', 'le', 'in'] as const;
export type Operator = (typeof OPERATORS)[number];
/** The condition between two expressions. */
export const CONDITIONS = ['and', 'or', 'not'] as const;
/** txnstatus_request.txn_type (the spec spells "subscibe"). */
export const TXN_TYPES = ['search', 'subscibe', 'receipt'] as const;
/** txnstatus_request.attribute_type. */
export const TXN_ATTRIBUTE_TYPES = ['transaction_id', 'reference_id_list', 'correlation_id'] as const;
/** How the message came: /registry/sync/search or /registry/search (dci_transactions.mode). */
export const DCI_MODES = ['sync', 'async'] as const;

/** Bounds of one message: what a caller may ask at once, and the largest page. */
export const dciLimits = {
  /** search_request items (and header.total_count) per message. */
  maxReferences: 100,
  /** pagination.page_size at most; the default when none is given. */
  maxPageSize: 100,
  defaultPageSize: 20,
  /** Values of one `in` expression, and expressions per query. */
  maxInValues: 100,
  maxExpressions: 20,
} as const;

/** The identifier types that name the 12-digit personal ID (căn cước / CCCD). */
export const PERSONAL_ID_TYPES = ['UIN', 'NID', 'NATIONALID', 'CCCD', 'PERSONAL_ID'] as const;

// ---- header ------------------------------------------------------------------------------

export interface HeaderIn {
  readonly version?: string | undefined;
  readonly message_id: string;
  readonly message_ts: string;
  readonly action: string;
  readonly sender_id: string;
  readonly total_count: number | string;
  readonly is_msg_encrypted?: boolean | undefined;
}

export type HeaderVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: DciErrorCode; readonly message: string }
  | { readonly ok: false; readonly reason: HeaderReasonCode; readonly message: string };

const ISO_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Is the text an ISO 8601 date-time (with or without a zone) of a real moment? */
export function isTimestamp(s: unknown): boolean {
  return typeof s === 'string' && ISO_TS.test(s) && !Number.isNaN(Date.parse(s));
}

/**
 * The checks of a request header, in the spec's codes: an encrypted message or another version
 * is an error of the communication layer (err.*); a wrong action, time or count rejects the
 * message (rjct.*, header.status = rjct).
 */
export function checkHeader(h: HeaderIn, action: string, items: number): HeaderVerdict {
  if (h.is_msg_encrypted === true) return { ok: false, error: 'err.encryption.invalid', message: 'Encrypted messages are not supported by this registry' };
  if (h.version !== undefined && h.version !== '' && h.version !== DCI_VERSION)
    return { ok: false, error: 'err.version.not_supported', message: `Version ${h.version} is not supported (only ${DCI_VERSION})` };
  if (h.sender_id.trim() === '') return { ok: false, error: 'err.sender_id.invalid', message: 'header.sender_id is empty' };
  if (h.message_id.trim() === '') return { ok: false, reason: 'rjct.action.invalid', message: 'header.message_id is empty' };
  if (h.action !== action) return { ok: false, reason: 'rjct.action.invalid', message: `header.action must be "${action}"` };
  if (!isTimestamp(h.message_ts)) return { ok: false, reason: 'rjct.message_ts.invalid', message: 'header.message_ts is not an ISO 8601 date-time' };
  const count = typeof h.total_count === 'number' ? h.total_count : /^\d{1,9}$/.test(h.total_count) ? Number(h.total_count) : NaN;
  if (items > dciLimits.maxReferences || count > dciLimits.maxReferences)
    return {
      ok: false,
      reason: 'rjct.total_count.limit_exceeded',
      message: `At most ${dciLimits.maxReferences} search requests per message (this one has ${Math.max(items, Number.isNaN(count) ? 0 : count)})`,
    };
  if (count !== items)
    return { ok: false, reason: 'rjct.total_count.invalid', message: `header.total_count (${String(h.total_count)}) is not the number of requests (${items})` };
  return { ok: true };
}

// ---- queries -----------------------------------------------------------------------------

/** A column of the registry a query may filter on. */
export type Field = 'personal_id' | 'date_of_birth' | 'sex' | 'province_code' | 'unit_code' | 'deceased';
export type Cmp = '=' | '<' | '>' | '<=' | '>=' | 'in';
/** A filter on persons, built from a query; the store turns it into SQL. */
export type Filter =
  | { readonly kind: 'cmp'; readonly field: Field; readonly op: Cmp; readonly value: string | boolean | readonly string[] }
  | { readonly kind: 'and' | 'or'; readonly parts: readonly Filter[] }
  | { readonly kind: 'not'; readonly part: Filter }
  /** Persons of these communes only (added by the policy, never read from a request). */
  | { readonly kind: 'units'; readonly ids: readonly number[] };

export type SortField = 'personal_id' | 'date_of_birth' | 'full_name';
export interface Sort {
  readonly field: SortField;
  readonly desc: boolean;
}

export interface Criteria {
  readonly query_type: string;
  readonly query: unknown;
  readonly sort?: unknown;
  readonly pagination?: unknown;
  readonly consent?: unknown;
  readonly authorize?: unknown;
}

export interface Plan {
  readonly filter: Filter;
  readonly sort: readonly Sort[];
  readonly pageSize: number;
  readonly pageNumber: number;
  /** The consent's purpose (code, else text): audited with the call. */
  readonly purpose: string;
}

export type Planned = { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly reason: SearchReasonCode; readonly message: string };

const reject = (reason: SearchReasonCode, message: string): Planned => ({ ok: false, reason, message });
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The consent's purpose: the spec's Consent object with `purpose.code` or `purpose.text`.
 * A search without it is refused: personal data leave only for a stated purpose.
 */
export function consentPurpose(consent: unknown): string | null {
  if (!isObj(consent) || !isObj(consent.purpose)) return null;
  const p = consent.purpose;
  for (const k of ['code', 'text'] as const) {
    const v = p[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, 200);
  }
  return null;
}

const today = (now: Date) => now.toISOString().slice(0, 10);
function yearsBefore(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const yy = y - years;
  // 29 February in a year without it: 28 February.
  const last = new Date(Date.UTC(yy, m, 0)).getUTCDate();
  return `${String(yy).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const CMP: Record<Exclude<Operator, 'in'>, Cmp> = { eq: '=', lt: '<', gt: '>', le: '<=', ge: '>=' };
const text = (v: unknown): string | null => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One expression (attribute_name, operator, attribute_value) as a filter, or why not. */
export function expressionFilter(e: unknown, now: Date): Filter | { reason: SearchReasonCode; message: string } {
  if (!isObj(e))
    return { reason: 'rjct.search_criteria.invalid', message: 'An expression must be an object with attribute_name, operator and attribute_value' };
  const name = typeof e.attribute_name === 'string' ? e.attribute_name.trim() : '';
  const op = e.operator;
  const value = e.attribute_value;
  if (typeof op !== 'string' || !(OPERATORS as readonly string[]).includes(op))
    return { reason: 'rjct.search_criteria.invalid', message: `Unknown operator ${JSON.stringify(op)} (one of ${OPERATORS.join(', ')})` };
  const o = op as Operator;
  const bad = (why: string) => ({ reason: 'rjct.filter.invalid' as const, message: `${name}: ${why}` });
  const upper = name.toUpperCase();
  if ((PERSONAL_ID_TYPES as readonly string[]).includes(upper)) {
    if (o === 'in') {
      // A list, or (as the spec's attribute_value cannot be a list) the IDs in one text, comma-separated.
      const list: unknown = typeof value === 'string' ? value.split(',').map((x) => x.trim()) : value;
      if (!Array.isArray(list) || list.length === 0 || list.length > dciLimits.maxInValues) return bad(`"in" takes 1 to ${dciLimits.maxInValues} IDs`);
      const ids = list.map(text);
      if (ids.some((x) => x === null || !/^\d{12}$/.test(x))) return bad('each personal ID has 12 digits');
      return { kind: 'cmp', field: 'personal_id', op: 'in', value: ids as string[] };
    }
    const id = text(value);
    if (o !== 'eq') return bad('a personal ID is compared with eq or in');
    if (id === null || !/^\d{12}$/.test(id)) return bad('a personal ID has 12 digits');
    return { kind: 'cmp', field: 'personal_id', op: '=', value: id };
  }
  if (upper === 'SEX' || upper === 'GENDER') {
    const v = text(value)?.toLowerCase();
    const sex = v === 'm' || v === 'male' ? 'M' : v === 'f' || v === 'female' ? 'F' : null;
    if (o !== 'eq' || sex === null) return bad('sex is compared with eq to m/male or f/female');
    return { kind: 'cmp', field: 'sex', op: '=', value: sex };
  }
  if (upper === 'BIRTH_DATE' || upper === 'DOB') {
    const v = text(value)?.slice(0, 10) ?? '';
    if (o === 'in' || !DATE.test(v) || Number.isNaN(Date.parse(v))) return bad('birth_date takes a date yyyy-mm-dd and gt, lt, ge, le or eq');
    return { kind: 'cmp', field: 'date_of_birth', op: CMP[o], value: v };
  }
  if (upper === 'YOB') {
    const v = text(value) ?? '';
    if (o === 'in' || !/^\d{4}$/.test(v)) return bad('YOB takes a year and gt, lt, ge, le or eq');
    const y = Number(v);
    const first = `${v}-01-01`;
    const next = `${String(y + 1).padStart(4, '0')}-01-01`;
    const f = (op: Cmp, d: string): Filter => ({ kind: 'cmp', field: 'date_of_birth', op, value: d });
    if (o === 'eq') return { kind: 'and', parts: [f('>=', first), f('<', next)] };
    return o === 'lt' ? f('<', first) : o === 'ge' ? f('>=', first) : o === 'gt' ? f('>=', next) : f('<', next);
  }
  if (upper === 'AGE') {
    const v = text(value) ?? '';
    if (o === 'in' || !/^\d{1,3}$/.test(v)) return bad('age takes whole years and gt, lt, ge, le or eq');
    const n = Number(v);
    const t = today(now);
    // Born on or before `yearsBefore(t, n)` means aged n or more today.
    const atLeast = (k: number): Filter => ({ kind: 'cmp', field: 'date_of_birth', op: '<=', value: yearsBefore(t, k) });
    const under = (k: number): Filter => ({ kind: 'cmp', field: 'date_of_birth', op: '>', value: yearsBefore(t, k) });
    if (o === 'ge') return atLeast(n);
    if (o === 'gt') return atLeast(n + 1);
    if (o === 'lt') return under(n);
    if (o === 'le') return under(n + 1);
    return { kind: 'and', parts: [atLeast(n), under(n + 1)] };
  }
  if (upper === 'REGION_CODE' || upper === 'UNIT_CODE' || upper === 'AREA_CODE') {
    const v = text(value) ?? '';
    if (o !== 'eq') return bad('a unit code is compared with eq');
    if (/^\d{2}$/.test(v)) return { kind: 'cmp', field: 'province_code', op: '=', value: v };
    if (/^\d{5}$/.test(v)) return { kind: 'cmp', field: 'unit_code', op: '=', value: v };
    return bad('a province code has 2 digits, a commune code 5');
  }
  if (upper === 'IS_DECEASED') {
    const v = typeof value === 'boolean' ? value : text(value) === 'true' ? true : text(value) === 'false' ? false : null;
    if (o !== 'eq' || v === null) return bad('is_deceased is compared with eq to true or false');
    return { kind: 'cmp', field: 'deceased', op: '=', value: v };
  }
  return {
    reason: 'rjct.filter.invalid',
    message: `Unknown attribute ${JSON.stringify(name)} (this registry searches by UIN, sex, birth_date, YOB, age, region_code, is_deceased)`,
  };
}

const isFilter = (f: Filter | { reason: SearchReasonCode; message: string }): f is Filter => 'kind' in f;

/**
 * A list of expressions (the spec's ExpPredicateWithConditionList; the examples also chain
 * expression3 after a second condition): each item is expression1 [condition expression2 …],
 * read left to right; the items are joined with "and". `not` reads "and not".
 */
function expressionListFilter(items: readonly unknown[], now: Date): Filter | { reason: SearchReasonCode; message: string } {
  if (items.length === 0) return { reason: 'rjct.search_criteria.invalid', message: 'The query has no expression' };
  const parts: Filter[] = [];
  let count = 0;
  for (const item of items) {
    if (!isObj(item) || item.expression1 === undefined) return { reason: 'rjct.search_criteria.invalid', message: 'Each query item needs expression1' };
    let acc = expressionFilter(item.expression1, now);
    if (!isFilter(acc)) return acc;
    count++;
    const cond = typeof item.condition === 'string' ? item.condition.trim() : '';
    for (let i = 2; i < 100; i++) {
      const e = item[`expression${i}`];
      if (e === undefined || e === '' || e === null) break;
      if (++count > dciLimits.maxExpressions)
        return { reason: 'rjct.search_criteria.invalid', message: `At most ${dciLimits.maxExpressions} expressions per query` };
      const c = cond === '' ? 'and' : cond;
      if (!(CONDITIONS as readonly string[]).includes(c))
        return { reason: 'rjct.search_criteria.invalid', message: `Unknown condition ${JSON.stringify(cond)} (and, or, not)` };
      const next = expressionFilter(e, now);
      if (!isFilter(next)) return next;
      acc = c === 'not' ? { kind: 'and', parts: [acc, { kind: 'not', part: next }] } : { kind: c as 'and' | 'or', parts: [acc, next] };
    }
    parts.push(acc);
  }
  return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
}

/** Does the filter narrow persons by something selective (an ID, a date or a unit), not only sex or death? */
export function selective(f: Filter): boolean {
  if (f.kind === 'cmp') return f.field !== 'sex' && f.field !== 'deceased';
  if (f.kind === 'not' || f.kind === 'units') return false;
  return f.kind === 'and' ? f.parts.some(selective) : f.parts.every(selective);
}

/** Does the filter compare the personal ID anywhere? */
export function usesPersonalId(f: Filter): boolean {
  if (f.kind === 'cmp') return f.field === 'personal_id';
  if (f.kind === 'not') return usesPersonalId(f.part);
  if (f.kind === 'units') return false;
  return f.parts.some(usesPersonalId);
}

const SORTS: Record<string, SortField> = { UIN: 'personal_id', NID: 'personal_id', BIRTH_DATE: 'date_of_birth', DOB: 'date_of_birth', NAME: 'full_name' };

/** The search criteria of one request as a plan (filter, sort, page, purpose), or the spec's reason to reject it. */
export function planSearch(c: Criteria, now: Date): Planned {
  const purpose = consentPurpose(c.consent);
  if (purpose === null)
    return reject('rjct.search_criteria.invalid', 'search_criteria.consent with a purpose (purpose.code or purpose.text) is required to search personal data');
  let filter: Filter | { reason: SearchReasonCode; message: string };
  const q = c.query;
  if (c.query_type === 'idtype-value') {
    if (!isObj(q) || typeof q.type !== 'string') return reject('rjct.search_criteria.invalid', 'An idtype-value query is { type, value }');
    if (!(PERSONAL_ID_TYPES as readonly string[]).includes(q.type.toUpperCase()))
      return reject('rjct.filter.invalid', `Unknown identifier type ${JSON.stringify(q.type)} (${PERSONAL_ID_TYPES.join(', ')})`);
    filter = expressionFilter({ attribute_name: q.type, operator: Array.isArray(q.value) ? 'in' : 'eq', attribute_value: q.value }, now);
  } else if (c.query_type === 'expression' || c.query_type === 'predicate') {
    if (Array.isArray(q)) filter = expressionListFilter(q, now);
    else if (isObj(q) && isObj(q.value) && 'expression' in q.value)
      return reject(
        'rjct.search_criteria.invalid',
        `Query expressions of type ${JSON.stringify(q.type)} are not supported; send a list of expressions (expression1, condition, expression2)`,
      );
    else return reject('rjct.search_criteria.invalid', 'An expression query is a list of { expression1, condition, expression2 }');
  } else {
    return reject('rjct.search_criteria.invalid', `Unknown query_type ${JSON.stringify(c.query_type)} (${QUERY_TYPES.join(', ')})`);
  }
  if (!isFilter(filter)) return reject(filter.reason, filter.message);
  if (!selective(filter)) return reject('rjct.search.too_many_records_found', 'Narrow the search by an ID, a date of birth or age, or a unit code');

  const sort: Sort[] = [];
  if (c.sort !== undefined && c.sort !== '' && c.sort !== null) {
    if (!Array.isArray(c.sort)) return reject('rjct.sort.invalid', 'sort is a list of { attribute_name, sort_order }');
    for (const s of c.sort) {
      const field = isObj(s) && typeof s.attribute_name === 'string' ? SORTS[s.attribute_name.toUpperCase()] : undefined;
      const order = isObj(s) ? (s.sort_order ?? 'asc') : null;
      if (!field || (order !== 'asc' && order !== 'desc'))
        return reject('rjct.sort.invalid', `Sort by UIN, birth_date or name, asc or desc (${JSON.stringify(isObj(s) ? s.attribute_name : s)})`);
      sort.push({ field, desc: order === 'desc' });
    }
  }
  let pageSize: number = dciLimits.defaultPageSize;
  let pageNumber = 1;
  if (c.pagination !== undefined && c.pagination !== null && c.pagination !== '') {
    const p = c.pagination;
    if (!isObj(p)) return reject('rjct.pagination.invalid', 'pagination is { page_size, page_number }');
    const size = p.page_size;
    const num = p.page_number ?? 1;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > dciLimits.maxPageSize)
      return reject('rjct.pagination.invalid', `page_size is a whole number from 1 to ${dciLimits.maxPageSize}`);
    if (typeof num !== 'number' || !Number.isInteger(num) || num < 1 || num > 100_000)
      return reject('rjct.pagination.invalid', 'page_number is a whole number from 1');
    pageSize = size;
    pageNumber = num;
  }
  return { ok: true, plan: { filter, sort, pageSize, pageNumber, purpose } };
}

// ---- records -----------------------------------------------------------------------------

/** A person as the store reads it for the API. */
export interface DciPersonRow {
  readonly id: number;
  readonly unit_id: number;
  readonly personal_id: string | null;
  readonly full_name: string;
  readonly date_of_birth: string;
  readonly sex: string;
  readonly death_date: string | null;
  readonly disability: string;
  readonly household_code: string;
  readonly unit_code: string;
  readonly province_code: string;
}

/** What a caller may see of a person: the full ID and health fields, or the masked record. */
export interface DciDisclosure {
  readonly personalId: boolean;
  readonly health: boolean;
}

/** A Vietnamese full name as the spec's Name: family name first, given name last, middle names between. */
export function splitName(full: string): { surname: string; second_name: string; given_name: string } {
  const w = full.trim().split(/\s+/).filter(Boolean);
  if (w.length <= 1) return { surname: '', second_name: '', given_name: w[0] ?? '' };
  return { surname: w[0]!, second_name: w.slice(1, -1).join(' '), given_name: w[w.length - 1]! };
}

export const SR_CONTEXT = { '@vocab': 'https://schema.spdci.org/extensions/social/v1' } as const;

/** The SRPerson record of a person (the spec's examples: processflow2res.json), masked unless disclosed. */
export function srPerson(p: DciPersonRow, d: DciDisclosure) {
  return {
    '@context': SR_CONTEXT,
    '@type': 'SRPerson' as const,
    identifier: p.personal_id ? [{ identifier_type: 'UIN', identifier_value: d.personalId ? p.personal_id : (maskPersonalId(p.personal_id) ?? '') }] : [],
    name: splitName(p.full_name),
    sex: p.sex === 'F' ? 'female' : 'male',
    birth_date: p.date_of_birth,
    is_deceased: p.death_date !== null,
    ...(p.death_date !== null ? { death_date: p.death_date } : {}),
    ...(d.health ? { is_disabled: p.disability !== 'none' } : {}),
    household_identifier: p.household_code,
    address: [{ '@type': 'Address' as const, region_code: p.province_code, sub_region_code: p.unit_code, country_code: 'VN' }],
    additional_attributes: [{ attribute_name: 'masked', attribute_value: !(d.personalId && d.health) }],
  };
}
export type SrPerson = ReturnType<typeof srPerson>;
