// The error catalogue: every error a client can see has a stable id, an HTTP status and a
// message in Vietnamese and English. Responses are RFC 9457 problem+json.
import { format, type Locale, type Text } from './i18n.ts';

export interface FieldError {
  /** JSON pointer-like path of the offending field, e.g. "/targets/3/value" or "/rows/12/Mã xã". */
  readonly path: string;
  readonly message: Text;
}

export interface LocalizedFieldError {
  path: string;
  message: string;
}

export interface ErrorKind {
  readonly id: string;
  readonly status: number;
  readonly title: Text;
}

export const errorCatalogue = {
  validation: { id: 'validation', status: 400, title: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' } },
  unauthenticated: { id: 'unauthenticated', status: 401, title: { vi: 'Cần đăng nhập', en: 'Sign-in required' } },
  forbidden: { id: 'forbidden', status: 403, title: { vi: 'Không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' } },
  notFound: { id: 'not-found', status: 404, title: { vi: 'Không tìm thấy', en: 'Not found' } },
  methodNotAllowed: { id: 'method-not-allowed', status: 405, title: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' } },
  conflict: { id: 'conflict', status: 409, title: { vi: 'Xung đột dữ liệu', en: 'Conflict' } },
  payloadTooLarge: { id: 'payload-too-large', status: 413, title: { vi: 'Tệp hoặc dữ liệu quá lớn', en: 'Payload too large' } },
  unsupportedMediaType: { id: 'unsupported-media-type', status: 415, title: { vi: 'Định dạng không được hỗ trợ', en: 'Unsupported media type' } },
  unprocessable: { id: 'unprocessable', status: 422, title: { vi: 'Không đọc được nội dung tệp', en: 'The content cannot be read' } },
  ocrUnavailable: { id: 'ocr-unavailable', status: 422, title: { vi: 'Máy chủ chưa cài phần mềm nhận dạng chữ', en: 'No OCR on this server' } },
  tooManyRequests: { id: 'too-many-requests', status: 429, title: { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests, try again later' } },
  internal: { id: 'internal', status: 500, title: { vi: 'Lỗi hệ thống', en: 'Internal error' } },
} as const satisfies Record<string, ErrorKind>;

export type ErrorKindName = keyof typeof errorCatalogue;

/** An error meant for the client. `detail` is localized; `errors` lists every field in error. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly kind: ErrorKind,
    readonly detail?: Text,
    readonly errors: readonly FieldError[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(detail ? format(detail.en, params) : kind.title.en);
  }

  static validation(errors: readonly FieldError[], detail?: Text): AppError {
    return new AppError(errorCatalogue.validation, detail, errors);
  }
  static notFound(detail?: Text, params?: Record<string, string | number>): AppError {
    return new AppError(errorCatalogue.notFound, detail, [], params);
  }
  static forbidden(detail?: Text): AppError {
    return new AppError(errorCatalogue.forbidden, detail);
  }
  static conflict(detail: Text, params?: Record<string, string | number>): AppError {
    return new AppError(errorCatalogue.conflict, detail, [], params);
  }
}

/**
 * A request over one of the bounds of work per request (decompressed size, paragraphs, rows,
 * characters, the parsing worker's memory or time): 413 naming the limit, on the field's path.
 */
export class LimitError extends AppError {
  override name = 'LimitError';
  constructor(
    readonly limit: string,
    detail: Text,
    path: string,
  ) {
    super(errorCatalogue.payloadTooLarge, detail, [{ path, message: detail }]);
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: LocalizedFieldError[];
  /** Which limit the request broke (413 of uploads): "zip_ratio", "text_chars", "rows"… */
  limit?: string;
}

export function toProblem(err: AppError, locale: Locale, instance?: string): Problem {
  const p: Problem = {
    type: `https://ansinh.vn/problems/${err.kind.id}`,
    title: err.kind.title[locale],
    status: err.kind.status,
  };
  if (err.detail) p.detail = format(err.detail[locale], err.params);
  if (instance) p.instance = instance;
  if (err.errors.length > 0) p.errors = err.errors.map((e) => ({ path: e.path, message: e.message[locale] }));
  if (err instanceof LimitError) p.limit = err.limit;
  return p;
}
