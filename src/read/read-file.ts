/**
 * The text of a document file as an archive holds it: .txt and .md (UTF-8,
 * UTF-16 with a byte order mark, Windows-1252 legacy text), .html, .docx
 * (mammoth), .doc (word-extractor) and .pdf (unpdf); PDF pages without a
 * text layer and .png, .jpg, .tif images through OCR (src/read/ocr). Legacy
 * encodings are left to the text stage, which reads them anywhere. A file
 * that cannot give text fails with a typed error that says why and what to do.
 */
import { type Stats, constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { extname } from 'node:path';
import { SaochepError, SaochepTypeError, describeValue } from '../errors.js';
import { type ByteEncoding, decodeBytes, looksBinary } from './decode-bytes.js';
import { declaredCharset, htmlToText } from './html-text.js';
import {
  type OcrMode,
  type OcrOptions,
  type ResolvedOcrOptions,
  resolveOcrOptions,
} from './ocr/ocr-options.js';
import { ocrImage, ocrPdfPages } from './ocr/ocr-pages.js';
import { joinPages } from './page-break.js';
import { type ReadLimits, limitExceeded, resolveReadLimits } from './read-limits.js';
import { checkInflatedSizes } from './zip-inflated.js';

/** The file types saochep reads, by extension. */
export const DOCUMENT_EXTENSIONS = [
  '.txt',
  '.md',
  '.text',
  '.html',
  '.htm',
  '.docx',
  '.doc',
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.tif',
  '.tiff',
] as const;

/** What kind of file a document came from. */
export type DocumentFormat =
  'txt' | 'md' | 'html' | 'docx' | 'doc' | 'pdf' | 'png' | 'jpg' | 'tiff';

/** How a document's text was had: from the file's text, by OCR of its images, or both (a PDF of text and scanned pages). */
export type ReadBy = 'text' | 'ocr' | 'text+ocr';

/** A document file's text. */
export interface FileText {
  /** The text; pages (of a PDF or a multi-page scan) are joined by a line break and a form feed (PAGE_BREAK). */
  text: string;
  format: DocumentFormat;
  /** How a text file's bytes were read; undefined for .docx, .doc, .pdf and images. */
  byteEncoding?: ByteEncoding;
  readBy: ReadBy;
  /** Pages read by OCR (absent when none were). */
  ocrPages?: number;
}

/** Options of {@link readDocumentFile} and {@link fileTextOf}. */
export interface ReadOptions {
  /** Read limits; each one not given has its default ({@link READ_LIMIT_DEFAULTS}). */
  limits?: Partial<ReadLimits>;
  /** OCR of scanned pages and images: a mode (default `auto`) or OCR options. */
  ocr?: OcrMode | OcrOptions;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function formatOf(path: string): DocumentFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.txt' || ext === '.text') return 'txt';
  if (ext === '.md') return 'md';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.docx' || ext === '.doc' || ext === '.pdf' || ext === '.png' || ext === '.jpg')
    return ext.slice(1) as DocumentFormat;
  if (ext === '.jpeg') return 'jpg';
  if (ext === '.tif' || ext === '.tiff') return 'tiff';
  return undefined;
}

/** Whether saochep reads files of this name. */
export function isDocumentFile(path: string): boolean {
  if (typeof path !== 'string')
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `isDocumentFile: path must be a file name as a string, got ${describeValue(path)}.`,
    );
  return formatOf(path) !== undefined;
}

function corrupt(path: string, what: string, cause: unknown): SaochepError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new SaochepError(
    'ERR_SAOCHEP_CORRUPT_DOCUMENT',
    `${path}: this ${what} file is damaged or not a ${what} file (${reason.slice(0, 160)}). Open it in an office program and save it again, or export it as .txt.`,
    { cause },
  );
}

function encrypted(path: string): SaochepError {
  return new SaochepError(
    'ERR_SAOCHEP_ENCRYPTED_DOCUMENT',
    `${path}: the document is protected by a password. Remove the protection (save an unprotected copy) and scan it again.`,
  );
}

async function docxText(path: string, bytes: Uint8Array, limits: ReadLimits): Promise<string> {
  // An encrypted .docx is an OLE container holding the encrypted package.
  if (startsWith(bytes, OLE_MAGIC)) throw encrypted(path);
  if (!startsWith(bytes, ZIP_MAGIC)) throw corrupt(path, '.docx', new Error('not a zip package'));
  const inflated = await checkInflatedSizes(bytes, limits.memberBytes, limits.archiveBytes);
  if (!inflated.ok) {
    if (inflated.reason === 'damaged') throw corrupt(path, '.docx', new Error(inflated.message));
    throw inflated.reason === 'member'
      ? limitExceeded(
          path,
          'memberBytes',
          `${inflated.name} inflates to more than ${inflated.limit} bytes (a zip bomb?)`,
        )
      : limitExceeded(
          path,
          'archiveBytes',
          `the package inflates to more than ${inflated.limit} bytes (a zip bomb?)`,
        );
  }
  const mammoth = (await import('mammoth')).default;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value.replace(/\n\n/g, '\n');
  } catch (cause) {
    throw corrupt(path, '.docx', cause);
  }
}

async function docText(path: string, bytes: Uint8Array, limits: ReadLimits): Promise<string> {
  if (!startsWith(bytes, OLE_MAGIC)) {
    // Many ".doc" files are really RTF, HTML or a .docx renamed.
    if (startsWith(bytes, ZIP_MAGIC)) return docxText(path, bytes, limits);
    throw corrupt(path, '.doc', new Error('not a Word 97–2003 document'));
  }
  const WordExtractor = (await import('word-extractor')).default;
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes));
    return document.getBody();
  } catch (cause) {
    if (/encrypt|password/i.test(String(cause))) throw encrypted(path);
    throw corrupt(path, '.doc', cause);
  }
}

interface PdfPage {
  getTextContent(): Promise<{ items: unknown[] }>;
}

interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}

/** `promise`, or a rejection with `error()` once `ms` have passed (the timer never keeps the process alive). */
function beforeDeadline<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), Math.max(0, ms));
    timer.unref();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The text layer of each page of a PDF, read under `limits`. */
async function pdfPages(path: string, bytes: Uint8Array, limits: ReadLimits): Promise<string[]> {
  if (!startsWith(bytes, PDF_MAGIC)) throw corrupt(path, '.pdf', new Error('no %PDF header'));
  const { getDocumentProxy } = await import('unpdf');
  const deadline = Date.now() + limits.timeMs;
  const tooLong = () =>
    limitExceeded(path, 'timeMs', `reading the PDF took more than ${limits.timeMs} ms`);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // verbosity 0: pdf.js prints its warnings with console.log, onto saochep's own output.
    pdf = await beforeDeadline(
      getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }),
      deadline - Date.now(),
      tooLong,
    );
  } catch (cause) {
    if (cause instanceof SaochepError) throw cause;
    if ((cause as { name?: string })?.name === 'PasswordException') throw encrypted(path);
    throw corrupt(path, '.pdf', cause);
  }
  if (pdf.numPages > limits.pdfPages) {
    await pdf.destroy();
    throw limitExceeded(path, 'pdfPages', `the PDF has ${pdf.numPages} pages`);
  }
  try {
    const pages: string[] = [];
    let characters = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await beforeDeadline<PdfPage>(pdf.getPage(p), deadline - Date.now(), tooLong);
      const content = await beforeDeadline<{ items: unknown[] }>(
        page.getTextContent(),
        deadline - Date.now(),
        tooLong,
      );
      let text = '';
      for (const item of content.items as PdfTextItem[]) {
        text += item.str ?? '';
        if (item.hasEOL) text += '\n';
      }
      characters += text.length + 1;
      if (characters > limits.characters)
        throw limitExceeded(
          path,
          'characters',
          `the PDF's text is longer than ${limits.characters} characters`,
        );
      pages.push(text);
    }
    return pages;
  } catch (cause) {
    if (cause instanceof SaochepError) throw cause;
    throw corrupt(path, '.pdf', cause);
  } finally {
    await pdf.destroy();
  }
}

/** A page with fewer letters than this has no text layer worth the name (a scan with a stamp's label). */
const MIN_PAGE_LETTERS = 8;

function letterCount(text: string): number {
  const letters = /\p{L}/gu;
  let n = 0;
  while (n < MIN_PAGE_LETTERS && letters.test(text)) n++;
  return n;
}

/** A PDF's text: its text layer, and OCR of the pages the mode says. */
async function pdfText(
  path: string,
  bytes: Uint8Array,
  limits: ReadLimits,
  ocr: ResolvedOcrOptions,
): Promise<FileText> {
  const pages = await pdfPages(path, bytes, limits);
  const scanned: number[] = [];
  if (ocr.mode !== 'off')
    for (const [k, page] of pages.entries())
      if (ocr.mode === 'on' || letterCount(page) < MIN_PAGE_LETTERS) scanned.push(k + 1);
  const texts = await ocrPdfPages(path, bytes, scanned, ocr);
  for (const [k, page] of scanned.entries()) pages[page - 1] = texts[k];
  const readBy: ReadBy =
    scanned.length === 0 ? 'text' : scanned.length === pages.length ? 'ocr' : 'text+ocr';
  return {
    text: joinPages(pages),
    format: 'pdf',
    readBy,
    ...(scanned.length > 0 ? { ocrPages: scanned.length } : {}),
  };
}

async function imageText(
  path: string,
  bytes: Uint8Array,
  format: DocumentFormat,
  ocr: ResolvedOcrOptions,
): Promise<FileText> {
  if (ocr.mode === 'off')
    throw new SaochepError(
      'ERR_SAOCHEP_UNSUPPORTED_FORMAT',
      `${path}: an image is read only by OCR, and OCR is off. Read it with OCR (--ocr auto) or give its text.`,
    );
  const pages = await ocrImage(path, bytes, format === 'tiff', ocr);
  return { text: joinPages(pages), format, readBy: 'ocr', ocrPages: pages.length };
}

/**
 * The text of a file's bytes, by its name's extension, read under
 * `options.limits`; scanned pages and images by OCR, as `options.ocr` says.
 */
export async function fileTextOf(
  path: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<FileText> {
  if (typeof path !== 'string')
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `fileTextOf: path must be the file's name as a string (its extension says how to read it), got ${describeValue(path)}.`,
    );
  if (!(bytes instanceof Uint8Array))
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `fileTextOf: bytes must be a Uint8Array or Buffer of the file's content, got ${describeValue(bytes)}.`,
    );
  const checked = optionsOf('fileTextOf', options);
  const limits = resolveReadLimits('fileTextOf', checked.limits);
  const format = formatOf(path);
  if (format === undefined) {
    throw new SaochepError(
      'ERR_SAOCHEP_UNSUPPORTED_FORMAT',
      `${path}: saochep does not read ${extname(path) || 'files without an extension'}. It reads ${DOCUMENT_EXTENSIONS.join(', ')}; convert the file to one of them.`,
    );
  }
  const ocr = resolveOcrOptions('fileTextOf', checked.ocr);
  let result: FileText;
  if (format === 'docx')
    result = { text: await docxText(path, bytes, limits), format, readBy: 'text' };
  else if (format === 'doc')
    result = { text: await docText(path, bytes, limits), format, readBy: 'text' };
  else if (format === 'pdf') result = await pdfText(path, bytes, limits, ocr);
  else if (format === 'png' || format === 'jpg' || format === 'tiff')
    result = await imageText(path, bytes, format, ocr);
  else {
    const decoded = decodeBytes(bytes);
    let text = decoded.text;
    if (format === 'html') {
      const charset = declaredCharset(text.slice(0, 2048));
      if (charset && decoded.encoding === 'utf-8' && charset !== 'utf-8' && charset !== 'utf8') {
        try {
          text = new TextDecoder(charset).decode(bytes);
        } catch {
          // An unknown charset: keep the UTF-8 reading.
        }
      }
      text = htmlToText(text);
    }
    result = { text, format, byteEncoding: decoded.encoding, readBy: 'text' };
  }
  checkDocumentText(path, result.text, format, limits, result.readBy);
  return result;
}

function optionsOf(fn: string, options: unknown): ReadOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null)
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `${fn}: options must be an object such as { limits: { timeMs: 60000 }, ocr: 'auto' }, got ${describeValue(options)}.`,
    );
  return options as ReadOptions;
}

/**
 * Throw the error a document file of this text would give: empty or blank
 * (ERR_SAOCHEP_EMPTY_DOCUMENT, its message by `readBy`), binary
 * (ERR_SAOCHEP_NOT_TEXT; checked only for text read from a text file's
 * bytes: .docx, .doc and .pdf readers and OCR give text), or longer than the
 * characters limit. JSONL documents go through it too, so that the same
 * content gives the same error in a line and in a file.
 */
export function checkDocumentText(
  path: string,
  text: string,
  format: DocumentFormat | 'jsonl',
  limits: ReadLimits,
  readBy: ReadBy = 'text',
): void {
  if (text.length > limits.characters)
    throw limitExceeded(path, 'characters', `the text is ${text.length} characters long`);
  const fromBytes = format !== 'docx' && format !== 'doc' && format !== 'pdf' && readBy === 'text';
  if (fromBytes && looksBinary(text))
    throw new SaochepError(
      'ERR_SAOCHEP_NOT_TEXT',
      `${path}: the file holds binary data, not text. Check that it is the document it claims to be; export it again as .txt, .docx or .pdf.`,
    );
  if (text.trim() === '') {
    throw new SaochepError(
      'ERR_SAOCHEP_EMPTY_DOCUMENT',
      readBy !== 'text'
        ? `${path}: OCR found no text in the ${format === 'pdf' ? 'scanned pages' : 'image'}. Check that it is a scan of a document, at a resolution of 150 dpi or more.`
        : format === 'pdf'
          ? `${path}: the PDF has no text layer (a scanned document?). Read it with OCR (--ocr auto) or run it through OCR elsewhere (for example ocrmypdf -l vie) and scan it again.`
          : `${path}: the document holds no text. Check that the right file was exported.`,
    );
  }
}

/** A file name as text: UTF-8 when its bytes are, else one character per byte (Latin-1), so names stay distinct. */
export function fileNameText(name: string | Uint8Array): string {
  if (typeof name === 'string') return name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(name);
  } catch {
    return Buffer.from(name).toString('latin1');
  }
}

function readFailed(label: string, cause: unknown): SaochepError {
  const code = (cause as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied: give the scanning user read access'
      : code === 'ENOENT'
        ? 'no such file'
        : code === 'ELOOP'
          ? 'a loop of symlinks'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (cause as Error).message;
  return new SaochepError('ERR_SAOCHEP_READ_FAILED', `${label}: cannot read the file (${why}).`, {
    cause,
  });
}

/** What a file that is not a regular file is, for its error. */
function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Read a document file and extract its text, under `options.limits`, scanned
 * pages and images by OCR as `options.ocr` says. Only
 * regular files are read: a symlink is followed and its target checked, and
 * a FIFO, device or socket is refused (ERR_SAOCHEP_NOT_REGULAR_FILE)
 * without being read, so that it can never block or fill memory. `path` may
 * be a Buffer, for file names that are not valid UTF-8.
 */
export async function readDocumentFile(
  path: string | Uint8Array,
  options: ReadOptions = {},
): Promise<FileText> {
  if (typeof path !== 'string' && !(path instanceof Uint8Array))
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `readDocumentFile: path must be a string or a Buffer, got ${describeValue(path)}.`,
    );
  const checked = optionsOf('readDocumentFile', options);
  const limits = resolveReadLimits('readDocumentFile', checked.limits);
  // Checked before the file is opened: a bad option is the caller's error, whatever the file.
  resolveOcrOptions('readDocumentFile', checked.ocr);
  const label = fileNameText(path);
  const fsPath = typeof path === 'string' ? path : Buffer.from(path);
  let handle: FileHandle;
  try {
    // Non-blocking: opening a FIFO for reading would wait for a writer.
    handle = await open(fsPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    throw readFailed(label, cause);
  }
  let bytes: Uint8Array;
  try {
    const info = await handle.stat().catch((cause: unknown) => {
      throw readFailed(label, cause);
    });
    if (info.isDirectory())
      throw new SaochepError(
        'ERR_SAOCHEP_READ_FAILED',
        `${label}: cannot read the file (it is a folder).`,
      );
    if (!info.isFile())
      throw new SaochepError(
        'ERR_SAOCHEP_NOT_REGULAR_FILE',
        `${label}: ${kindOf(info)}, not a regular file: only document files are read. Remove it from the folder or point the link at a document.`,
      );
    const format = formatOf(label);
    // The fewest characters a byte can give: 1 per 3 bytes (UTF-8), markup aside for HTML.
    const bytesPerCharacter = format === 'html' ? 64 : format === 'txt' || format === 'md' ? 3 : 0;
    if (bytesPerCharacter > 0 && info.size > limits.characters * bytesPerCharacter + 4)
      throw limitExceeded(
        label,
        'characters',
        `the file is ${info.size} bytes, more text than the limit`,
      );
    bytes = await handle.readFile().catch((cause: unknown) => {
      throw readFailed(label, cause);
    });
  } finally {
    await handle.close();
  }
  return fileTextOf(label, bytes, { limits, ocr: checked.ocr });
}
