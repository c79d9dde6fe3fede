/**
 * The errors of `saochep serve`: the library's codes, and a few of the
 * service's own, each with the HTTP status it is answered with. Every error
 * body is `{ "error": { "code", "message" } }`.
 */
import type { SaochepErrorCode } from '../errors.js';

/** Codes only the service raises (the library's own codes pass through unchanged). */
export type ServiceOnlyErrorCode =
  /** No or a wrong `Authorization: Bearer …` token. */
  | 'ERR_SAOCHEP_UNAUTHORIZED'
  /** Writes are disabled: the server runs without a token file. */
  | 'ERR_SAOCHEP_WRITES_DISABLED'
  /** No plan with this id, or no such endpoint. */
  | 'ERR_SAOCHEP_NOT_FOUND'
  /** The request body is larger than the server's limit. */
  | 'ERR_SAOCHEP_BODY_TOO_LARGE'
  /** The request's Content-Type is not one the endpoint takes. */
  | 'ERR_SAOCHEP_UNSUPPORTED_MEDIA_TYPE'
  /** The index is not loaded yet, the store is down, or the server is stopping. */
  | 'ERR_SAOCHEP_UNAVAILABLE'
  /** A fault of the server itself. */
  | 'ERR_SAOCHEP_INTERNAL';

/** Every code an error body can carry. */
export type ServiceErrorCode = SaochepErrorCode | ServiceOnlyErrorCode;

/** An error the service answers with `status` and `{ error: { code, message } }`. */
export class ServiceError extends Error {
  /** Stable machine-readable code. */
  readonly code: ServiceErrorCode;
  /** The HTTP status it is answered with. */
  readonly status: number;

  constructor(code: ServiceErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServiceError';
    this.code = code;
    this.status = statusOf(code);
  }
}

/** The HTTP status of each code. */
const STATUS: Record<ServiceErrorCode, number> = {
  ERR_SAOCHEP_INVALID_ARGUMENT: 400,
  ERR_SAOCHEP_INVALID_OPTION: 400,
  ERR_SAOCHEP_INVALID_DOCUMENT: 400,
  ERR_SAOCHEP_UNAUTHORIZED: 401,
  ERR_SAOCHEP_WRITES_DISABLED: 403,
  ERR_SAOCHEP_NOT_FOUND: 404,
  ERR_SAOCHEP_DUPLICATE_ID: 409,
  ERR_SAOCHEP_BODY_TOO_LARGE: 413,
  ERR_SAOCHEP_UNSUPPORTED_MEDIA_TYPE: 415,
  ERR_SAOCHEP_UNSUPPORTED_FORMAT: 415,
  ERR_SAOCHEP_READ_FAILED: 422,
  ERR_SAOCHEP_EMPTY_DOCUMENT: 422,
  ERR_SAOCHEP_CORRUPT_DOCUMENT: 422,
  ERR_SAOCHEP_ENCRYPTED_DOCUMENT: 422,
  ERR_SAOCHEP_NOT_TEXT: 422,
  ERR_SAOCHEP_LIMIT_EXCEEDED: 422,
  ERR_SAOCHEP_NOT_REGULAR_FILE: 422,
  ERR_SAOCHEP_LOCKED: 503,
  ERR_SAOCHEP_STORE_UNAVAILABLE: 503,
  ERR_SAOCHEP_OCR_FAILED: 422,
  ERR_SAOCHEP_OCR_PAGE_LIMIT: 422,
  ERR_SAOCHEP_OCR_UNAVAILABLE: 503,
  ERR_SAOCHEP_INTERNAL: 500,
  ERR_SAOCHEP_IO: 503,
  ERR_SAOCHEP_UNAVAILABLE: 503,
  ERR_SAOCHEP_TIMEOUT: 503,
  ERR_SAOCHEP_INDEX_CORRUPT: 503,
  ERR_SAOCHEP_INDEX_VERSION: 503,
  ERR_SAOCHEP_INDEX_INCOMPATIBLE: 503,
};

/** Codes of the library this version does not know yet (another branch's limits) are unreadable documents. */
const UNKNOWN_LIBRARY_STATUS = 422;

/** The HTTP status an error code is answered with. */
export function statusOf(code: string): number {
  return Object.hasOwn(STATUS, code)
    ? STATUS[code as ServiceErrorCode]
    : code.startsWith('ERR_SAOCHEP_')
      ? UNKNOWN_LIBRARY_STATUS
      : 500;
}

/** Every code with its status, for the OpenAPI document and the README table. */
export function errorStatuses(): ReadonlyArray<[ServiceErrorCode, number]> {
  return Object.entries(STATUS) as Array<[ServiceErrorCode, number]>;
}

/** The JSON body of an error. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/**
 * The status and body an error is answered with: a ServiceError or a
 * library error (SaochepError, SaochepTypeError) by its code; anything else
 * is the server's fault, a 500 whose message says no more than that.
 */
export function errorResponse(error: unknown): { status: number; body: ErrorBody } {
  const code = (error as { code?: unknown })?.code;
  if (error instanceof Error && typeof code === 'string' && code.startsWith('ERR_SAOCHEP_')) {
    return { status: statusOf(code), body: { error: { code, message: error.message } } };
  }
  return {
    status: 500,
    body: {
      error: {
        code: 'ERR_SAOCHEP_INTERNAL',
        message: 'The server failed on this request; its log has the details.',
      },
    },
  };
}
