/**
 * Errors across a worker thread's boundary: sent as their code and message
 * (a structured clone keeps neither the class nor the code), and made again
 * on this side as the library would have thrown them.
 */
import {
  ERROR_CLASS_OF,
  SaochepError,
  type SaochepErrorCode,
  SaochepTypeError,
  type SaochepTypeErrorCode,
} from '../errors.js';

/** An error as a worker sends it. @internal */
export interface WorkerError {
  code: string | undefined;
  message: string;
}

/** What a worker sends of `error`. */
export function toWorkerError(error: unknown): WorkerError {
  const e = error as { code?: unknown; message?: unknown };
  return {
    code: typeof e?.code === 'string' ? e.code : undefined,
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
}

/** The error a worker's reply stands for; one without a saochep code becomes `fallback`. */
export function fromWorkerError(
  error: WorkerError,
  fallback: Exclude<SaochepErrorCode, SaochepTypeErrorCode>,
): Error {
  const code = error.code as SaochepErrorCode | undefined;
  if (code === undefined || !(code in ERROR_CLASS_OF))
    return new SaochepError(fallback, error.message);
  return ERROR_CLASS_OF[code] === 'SaochepTypeError'
    ? new SaochepTypeError(code as SaochepTypeErrorCode, error.message)
    : new SaochepError(code as Exclude<SaochepErrorCode, SaochepTypeErrorCode>, error.message);
}
