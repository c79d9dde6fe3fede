/**
 * One catalogue of saochep's errors: each has a stable `code` that programs can
 * test and a message that says how to fix the problem.
 */

/** Every error code saochep throws. */
export type SaochepErrorCode =
  /** A value of the wrong type was passed. */
  | 'ERR_SAOCHEP_INVALID_ARGUMENT'
  /** An option is out of range or of the wrong type. */
  | 'ERR_SAOCHEP_INVALID_OPTION'
  /** A document to add has no usable id or text. */
  | 'ERR_SAOCHEP_INVALID_DOCUMENT'
  /** A document with this id is already in the index. */
  | 'ERR_SAOCHEP_DUPLICATE_ID'
  /** A saved index is truncated, altered or not an index at all. */
  | 'ERR_SAOCHEP_INDEX_CORRUPT'
  /** A saved index has a format version this saochep cannot read. */
  | 'ERR_SAOCHEP_INDEX_VERSION'
  /** A saved index was built with another text normalisation: its signatures do not match. */
  | 'ERR_SAOCHEP_INDEX_INCOMPATIBLE'
  /** A shared index's store (Redis) cannot be reached or refused a command: retry when it is back. */
  | 'ERR_SAOCHEP_STORE_UNAVAILABLE'
  /** Reading or writing an index or report file failed. */
  | 'ERR_SAOCHEP_IO'
  /** A document file could not be read at all (missing, no permission, a folder). */
  | 'ERR_SAOCHEP_READ_FAILED'
  /** A document file holds no text: empty, blank, or a scanned PDF without a text layer. */
  | 'ERR_SAOCHEP_EMPTY_DOCUMENT'
  /** A .docx, .doc or .pdf file is damaged and its text cannot be extracted. */
  | 'ERR_SAOCHEP_CORRUPT_DOCUMENT'
  /** A document is protected by a password. */
  | 'ERR_SAOCHEP_ENCRYPTED_DOCUMENT'
  /** A file holds binary data, not text. */
  | 'ERR_SAOCHEP_NOT_TEXT'
  /** A file type saochep does not read (or an image while OCR is off). */
  | 'ERR_SAOCHEP_UNSUPPORTED_FORMAT'
  /** Reading a document passed one of the read limits (time, inflated bytes, pages, characters, JSON depth or line length). */
  | 'ERR_SAOCHEP_LIMIT_EXCEEDED'
  /** A path names a FIFO, a device or a socket (itself or through a symlink), not a regular file. */
  | 'ERR_SAOCHEP_NOT_REGULAR_FILE'
  /** Another process held the lock of a file to be saved for longer than the wait allowed. */
  | 'ERR_SAOCHEP_LOCKED'
  /** A scanned document needs OCR, and Tesseract, its language model or pdftoppm is not installed. */
  | 'ERR_SAOCHEP_OCR_UNAVAILABLE'
  /** OCR of a page failed or took longer than the page time limit. */
  | 'ERR_SAOCHEP_OCR_FAILED'
  /** A document has more pages to read by OCR than the page limit. */
  | 'ERR_SAOCHEP_OCR_PAGE_LIMIT'
  /** A check ran past its deadline (the `deadline` check option) and was stopped. */
  | 'ERR_SAOCHEP_TIMEOUT';

/** The codes thrown as {@link SaochepTypeError}: a caller passed a value of the wrong type or out of range. */
export type SaochepTypeErrorCode =
  'ERR_SAOCHEP_INVALID_ARGUMENT' | 'ERR_SAOCHEP_INVALID_OPTION' | 'ERR_SAOCHEP_INVALID_DOCUMENT';

/**
 * Which class each code is thrown as: one class per code, as the README's
 * errors table says (a test compares the two).
 * @internal
 */
export const ERROR_CLASS_OF: {
  readonly [C in SaochepErrorCode]: C extends SaochepTypeErrorCode
    ? 'SaochepTypeError'
    : 'SaochepError';
} = {
  ERR_SAOCHEP_INVALID_ARGUMENT: 'SaochepTypeError',
  ERR_SAOCHEP_INVALID_OPTION: 'SaochepTypeError',
  ERR_SAOCHEP_INVALID_DOCUMENT: 'SaochepTypeError',
  ERR_SAOCHEP_DUPLICATE_ID: 'SaochepError',
  ERR_SAOCHEP_INDEX_CORRUPT: 'SaochepError',
  ERR_SAOCHEP_INDEX_VERSION: 'SaochepError',
  ERR_SAOCHEP_INDEX_INCOMPATIBLE: 'SaochepError',
  ERR_SAOCHEP_IO: 'SaochepError',
  ERR_SAOCHEP_READ_FAILED: 'SaochepError',
  ERR_SAOCHEP_EMPTY_DOCUMENT: 'SaochepError',
  ERR_SAOCHEP_CORRUPT_DOCUMENT: 'SaochepError',
  ERR_SAOCHEP_ENCRYPTED_DOCUMENT: 'SaochepError',
  ERR_SAOCHEP_NOT_TEXT: 'SaochepError',
  ERR_SAOCHEP_UNSUPPORTED_FORMAT: 'SaochepError',
  ERR_SAOCHEP_LIMIT_EXCEEDED: 'SaochepError',
  ERR_SAOCHEP_NOT_REGULAR_FILE: 'SaochepError',
  ERR_SAOCHEP_LOCKED: 'SaochepError',
  ERR_SAOCHEP_STORE_UNAVAILABLE: 'SaochepError',
  ERR_SAOCHEP_OCR_UNAVAILABLE: 'SaochepError',
  ERR_SAOCHEP_OCR_FAILED: 'SaochepError',
  ERR_SAOCHEP_OCR_PAGE_LIMIT: 'SaochepError',
  ERR_SAOCHEP_TIMEOUT: 'SaochepError',
};

/**
 * Marks every error saochep throws. A registered symbol, so that the ES module
 * and the CommonJS builds, loaded side by side, recognise each other's errors.
 */
const SAOCHEP_ERROR = Symbol.for('saochep.error');

/**
 * An error raised by saochep, with a stable {@link SaochepErrorCode}.
 * `error instanceof SaochepError` holds for every saochep error, the
 * {@link SaochepTypeError}s included.
 */
export class SaochepError extends Error {
  /** Stable machine-readable code. */
  readonly code: SaochepErrorCode;

  constructor(
    code: Exclude<SaochepErrorCode, SaochepTypeErrorCode>,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SaochepError';
    this.code = code;
    markSaochepError(this);
  }

  /** True for every error saochep throws, a {@link SaochepTypeError} too (it cannot extend both Error classes). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== SaochepError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && SAOCHEP_ERROR in value;
  }
}

/**
 * A value of the wrong type or out of range was passed. A `TypeError`, so
 * `instanceof TypeError` holds, and `instanceof SaochepError` holds too.
 */
export class SaochepTypeError extends TypeError {
  /** Stable machine-readable code. */
  readonly code: SaochepTypeErrorCode;

  constructor(code: SaochepTypeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SaochepTypeError';
    this.code = code;
    markSaochepError(this);
  }
}

function markSaochepError(error: Error): void {
  Object.defineProperty(error, SAOCHEP_ERROR, { value: true });
}

/** A short description of a value for error messages: "number (42)", "null", "Buffer". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `string (${JSON.stringify(value.slice(0, 20))})`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${typeof value} (${String(value)})`;
  }
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `${name} object` : 'object';
  }
  return typeof value;
}

/** Throw a SaochepTypeError unless `value` is a string. */
export function assertText(fn: string, value: unknown, name = 'text'): asserts value is string {
  if (typeof value === 'string') return;
  const hint =
    typeof value === 'object' && value !== null && 'byteLength' in value
      ? ' Decode the bytes first, e.g. new TextDecoder().decode(bytes) or readFile(path, "utf8").'
      : ' Pass the document text as a string.';
  throw new SaochepTypeError(
    'ERR_SAOCHEP_INVALID_ARGUMENT',
    `${fn}: ${name} must be a string, got ${describeValue(value)}.${hint}`,
  );
}

/** Throw a SaochepTypeError unless `value` is a Uint8Array (a Buffer is one). */
export function assertBytes(
  fn: string,
  value: unknown,
  name = 'bytes',
): asserts value is Uint8Array {
  if (value instanceof Uint8Array) return;
  throw new SaochepTypeError(
    'ERR_SAOCHEP_INVALID_ARGUMENT',
    `${fn}: ${name} must be a Uint8Array or Buffer, got ${describeValue(value)}. Pass the file's bytes, e.g. await readFile(path).`,
  );
}

/** Throw a SaochepTypeError unless `value` is a plain object (not null, not an array); `shape` says what it should hold. */
export function assertObject(
  fn: string,
  value: unknown,
  name: string,
  shape: string,
): asserts value is Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return;
  throw new SaochepTypeError(
    'ERR_SAOCHEP_INVALID_ARGUMENT',
    `${fn}: ${name} must be an object ${shape}, got ${describeValue(value)}.`,
  );
}

/**
 * Check a numeric option: a finite number (an integer when `integer`) from
 * `min` to `max`, else a SaochepTypeError ERR_SAOCHEP_INVALID_OPTION naming `fn`.
 */
export function checkNumberOption(
  fn: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
  integer: boolean,
): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value)) ||
    value < min ||
    value > max
  ) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `${fn}: option ${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${describeValue(value)}.`,
    );
  }
  return value;
}
