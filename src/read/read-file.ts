/**
 * The text of a document file as an archive holds it: .txt and .md (UTF-8,
 * UTF-16 with a byte order mark, Windows-1252 legacy text), .html, .docx
 * (mammoth), .doc (word-extractor) and .pdf (unpdf). Legacy encodings are
 * left to the text stage, which reads them anywhere. A file that cannot give
 * text fails with a typed error that says why and what to do.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { SaochepError } from '../errors.js';
import { type ByteEncoding, decodeBytes, looksBinary } from './decode-bytes.js';
import { declaredCharset, htmlToText } from './html-text.js';

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
] as const;

/** What kind of file a document came from. */
export type DocumentFormat = 'txt' | 'md' | 'html' | 'docx' | 'doc' | 'pdf';

/** A document file's text. */
export interface FileText {
  text: string;
  format: DocumentFormat;
  /** How a text file's bytes were read; undefined for .docx, .doc and .pdf. */
  byteEncoding?: ByteEncoding;
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
  if (ext === '.docx' || ext === '.doc' || ext === '.pdf') return ext.slice(1) as DocumentFormat;
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

async function pdfText(path: string, bytes: Uint8Array): Promise<string> {
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
    return pages.join('\n');
  } catch (cause) {
    throw corrupt(path, '.pdf', cause);
  } finally {
    await pdf.destroy();
  }
}

/** The text of a file's bytes, by its name's extension. */
export async function fileTextOf(path: string, bytes: Uint8Array): Promise<FileText> {
  const format = formatOf(path);
  if (format === undefined) {
    throw new SaochepError(
      'ERR_SAOCHEP_UNSUPPORTED_FORMAT',
      `${path}: saochep does not read ${extname(path) || 'files without an extension'}. It reads ${DOCUMENT_EXTENSIONS.join(', ')}; convert the file to one of them.`,
    );
  }
  let result: FileText;
  if (format === 'docx') result = { text: await docxText(path, bytes), format };
  else if (format === 'doc') result = { text: await docText(path, bytes), format };
  else if (format === 'pdf') result = { text: await pdfText(path, bytes), format };
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
    result = { text, format, byteEncoding: decoded.encoding };
  }
  if (result.text.trim() === '') {
    throw new SaochepError(
      'ERR_SAOCHEP_EMPTY_DOCUMENT',
      format === 'pdf'
        ? `${path}: the PDF has no text layer (a scanned document?). Run it through OCR (for example ocrmypdf -l vie) and scan it again.`
        : `${path}: the document holds no text. Check that the right file was exported.`,
    );
  }
  return result;
}

/** Read a document file and extract its text. */
export async function readDocumentFile(path: string): Promise<FileText> {
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
  return fileTextOf(path, bytes);
}
