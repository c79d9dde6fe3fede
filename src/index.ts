/**
 * saochep: find copied (sao chép) plans in Vietnamese administrative archives.
 *
 * The public API. Every name here is re-exported from the stage that owns it.
 * @packageDocumentation
 */
export { SaochepError, SaochepTypeError } from './errors.js';
export type { SaochepErrorCode } from './errors.js';

export { detectEncoding, decodeLegacy } from './text/encoding.js';
export type { TextEncoding, LegacyEncoding } from './text/encoding.js';
export { normalizeText } from './text/normalize.js';
export type { NormalizeOptions } from './text/normalize.js';
export { tokenize } from './text/tokenize.js';
export { detectLanguage } from './text/language.js';

export {
  shingle,
  shingleText,
  tokenHash,
  DEFAULT_SHINGLE_SIZE,
  NUMBER_TOKEN_HASH,
} from './sketch/shingle.js';
export type { ShingleOptions } from './sketch/shingle.js';

export { PlanIndex } from './plan-index/plan-index.js';
export type {
  PlanDoc,
  PlanMatch,
  CheckResult,
  CheckOptions,
  CheckInput,
  Breakdown,
  IndexMemory,
  SketchedDocument,
  StoredDocument,
} from './plan-index/plan-index.js';
export type { Passage, PassageEdit } from './plan-index/passages.js';
export type { EditType } from './evidence/edit-align.js';
export type { Finding } from './plan-index/finding.js';
export type { PassageKind } from './evidence/passage-kind.js';
export { INDEX_DEFAULTS } from './plan-index/options.js';
export type { PlanIndexOptions, ResolvedIndexOptions } from './plan-index/options.js';
export { optimalLshParams, candidateProbability } from './sketch/lsh-params.js';
export type { LshParams, LshWeights } from './sketch/lsh-params.js';
export { VERSION } from './version.js';
export { minhashSignature, signatureSimilarity } from './sketch/signature.js';
export type { SignatureOptions } from './sketch/signature.js';

export {
  readDocumentFile,
  fileTextOf,
  isDocumentFile,
  DOCUMENT_EXTENSIONS,
} from './read/read-file.js';
export type { FileText, DocumentFormat, ReadBy, ReadOptions } from './read/read-file.js';
export { PAGE_BREAK, joinPages, pageAt } from './read/page-break.js';
export { OCR_MODES } from './read/ocr/ocr-options.js';
export type { OcrMode, OcrOptions, OcrPageDelta } from './read/ocr/ocr-options.js';
export { OcrSlots } from './read/ocr/ocr-slots.js';
export { OCR_PACKAGES } from './read/ocr/ocr-tools.js';
export { decodeBytes } from './read/decode-bytes.js';
export type { ByteEncoding, DecodedBytes } from './read/decode-bytes.js';
export { htmlToText } from './read/html-text.js';
export { parseHeader } from './read/header.js';
export type { DocumentHeader } from './read/header.js';

export { scanArchive, indexArchive } from './scan/scan.js';
export type {
  ScanOptions,
  ScanProgress,
  ScanResult,
  IndexArchiveOptions,
  IndexedArchive,
} from './scan/scan.js';
export type { PlanRecord, PlanError, DateSource } from './scan/prepare-plan.js';
export { REPORT_SCHEMA_VERSION } from './report/report-model.js';
export type {
  ScanReport,
  ReportPlan,
  ReportSource,
  ReportCluster,
  ReportError,
} from './report/report-model.js';
export { jsonReport } from './report/json-report.js';
export { csvReport } from './report/csv-report.js';
export { htmlReport } from './report/html-report.js';
export type { HtmlReportOptions } from './report/html-report.js';
export { writeReport, reportFormatOf } from './report/write-report.js';
export type { WriteReportOptions, ReportFormat } from './report/write-report.js';
