/**
 * The text of a document file as an archive holds it: .txt and .md (UTF-8,
 * UTF-16 with a byte order mark, Windows-1252 legacy text), .html, .docx
 * (mammoth), .doc (word-extractor) and .pdf (unpdf); PDF pages without a
 * text layer and .png, .jpg, .tif images through OCR (src/read/ocr). Legacy
 * encodings are left to the text stage, which reads them anywhere. A file
 * that cannot give text fails with a typed error that says why and what to do.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { SaochepError } from '../errors.js';
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

async function docxText(path: string, bytes: Uint8Array): Promise<string> {
  // An encrypted .docx is an OLE container holding the encrypted package.
  if (startsWith(bytes, OLE_MAGIC)) throw encrypted(path);
  if (!startsWith(bytes, ZIP_MAGIC)) throw corrupt(path, '.docx', new Error('not a zip package'));
  const mammoth = (await import('mammoth')).default;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value.replace(/\n\n/g, '\n');
  } catch (cause) {
    throw corrupt(path, '.docx', cause);
  }
}

async function docText(path: string, bytes: Uint8Array): Promise<string> {
  if (!startsWith(bytes, OLE_MAGIC)) {
    // Many ".doc" files are really RTF, HTML or a .docx renamed.
    if (startsWith(bytes, ZIP_MAGIC)) return docxText(path, bytes);
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

interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}

/** The text layer of each page of a PDF. */
async function pdfPages(path: string, bytes: Uint8Array): Promise<string[]> {
  if (!startsWith(bytes, PDF_MAGIC)) throw corrupt(path, '.pdf', new Error('no %PDF header'));
  const { getDocumentProxy } = await import('unpdf');
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (cause) {
    if ((cause as { name?: string })?.name === 'PasswordException') throw encrypted(path);
    throw corrupt(path, '.pdf', cause);
  }
  try {
    const pages: string[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as PdfTextItem[]) {
        text += item.str ?? '';
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
    }
    return pages;
  } catch (cause) {
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
  ocr: ResolvedOcrOptions,
): Promise<FileText> {
  const pages = await pdfPages(path, bytes);
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

/** The text of a file's bytes, by its name's extension. */
export async function fileTextOf(
  path: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<FileText> {
  const format = formatOf(path);
  if (format === undefined) {
    throw new SaochepError(
      'ERR_SAOCHEP_UNSUPPORTED_FORMAT',
      `${path}: saochep does not read ${extname(path) || 'files without an extension'}. It reads ${DOCUMENT_EXTENSIONS.join(', ')}; convert the file to one of them.`,
    );
  }
  const ocr = resolveOcrOptions('readDocumentFile', options.ocr);
  let result: FileText;
  if (format === 'docx') result = { text: await docxText(path, bytes), format, readBy: 'text' };
  else if (format === 'doc') result = { text: await docText(path, bytes), format, readBy: 'text' };
  else if (format === 'pdf') result = await pdfText(path, bytes, ocr);
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
    if (looksBinary(text)) {
      throw new SaochepError(
        'ERR_SAOCHEP_NOT_TEXT',
        `${path}: the file holds binary data, not text. Check that it is the document it claims to be; export it again as .txt, .docx or .pdf.`,
      );
    }
    result = { text, format, byteEncoding: decoded.encoding, readBy: 'text' };
  }
  if (result.text.trim() === '') {
    throw new SaochepError(
      'ERR_SAOCHEP_EMPTY_DOCUMENT',
      result.readBy !== 'text'
        ? `${path}: OCR found no text in the ${format === 'pdf' ? 'scanned pages' : 'image'}. Check that it is a scan of a document, at a resolution of 150 dpi or more.`
        : format === 'pdf'
          ? `${path}: the PDF has no text layer (a scanned document?). Read it with OCR (--ocr auto) or run it through OCR elsewhere (for example ocrmypdf -l vie) and scan it again.`
          : `${path}: the document holds no text. Check that the right file was exported.`,
    );
  }
  return result;
}

/** Read a document file and extract its text (scanned pages and images by OCR, as `options.ocr` says). */
export async function readDocumentFile(path: string, options: ReadOptions = {}): Promise<FileText> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied: give the scanning user read access'
        : code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (cause as Error).message;
    throw new SaochepError('ERR_SAOCHEP_READ_FAILED', `${path}: cannot read the file (${why}).`, {
      cause,
    });
  }
  return fileTextOf(path, bytes, options);
}
