/**
 * `saochep/read`: reading document files and their parts: a file's text
 * (.txt, .html, .docx, .doc, .pdf; scanned pages and images by OCR), page breaks, bytes decoded with their encoding told,
 * HTML to text, and the header of an administrative document (issuing body,
 * number, date, type, title). `readDocumentFile` is in the main entry too.
 * @packageDocumentation
 */
export { readDocumentFile, fileTextOf, isDocumentFile, DOCUMENT_EXTENSIONS } from './read-file.js';
export type { FileText, DocumentFormat, ReadBy, ReadOptions } from './read-file.js';
export { PAGE_BREAK, joinPages, pageAt } from './page-break.js';
export { OCR_MODES } from './ocr/ocr-options.js';
export type { OcrMode, OcrOptions, OcrPageDelta } from './ocr/ocr-options.js';
export { OcrSlots } from './ocr/ocr-slots.js';
export { OCR_PACKAGES } from './ocr/ocr-tools.js';
export { decodeBytes } from './decode-bytes.js';
export type { ByteEncoding, DecodedBytes } from './decode-bytes.js';
export { htmlToText } from './html-text.js';
export { parseHeader } from './header.js';
export type { DocumentHeader } from './header.js';
