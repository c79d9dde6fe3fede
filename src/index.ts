/**
 * saochep: find copied (sao chép) plans in Vietnamese administrative archives.
 *
 * The public API: what an application needs (the index, the text functions,
 * reading a document, the scan, the reports, the errors). Every name here is
 * re-exported from the stage that owns it. Lower-level pieces have entries
 * of their own: `saochep/text` (text alone), `saochep/sketch` (shingles,
 * signatures, LSH parameters) and `saochep/read` (bytes, HTML, headers).
 * @packageDocumentation
 */
export { SaochepError, SaochepTypeError } from './errors.js';
export type { SaochepErrorCode, SaochepTypeErrorCode } from './errors.js';

export { detectEncoding, decodeLegacy } from './text/encoding.js';
export type { TextEncoding, LegacyEncoding } from './text/encoding.js';
export { normalizeText } from './text/normalize.js';
export type { NormalizeOptions } from './text/normalize.js';
export { tokenize } from './text/tokenize.js';
export { detectLanguage } from './text/language.js';

export { PlanIndex } from './plan-index/plan-index.js';
export type {
  PlanDoc,
  PlanMatch,
  CheckResult,
  CheckOptions,
  CheckInput,
  Breakdown,
  IndexMemory,
  IndexedDocument,
  SketchedDocument,
  LoadOptions,
} from './plan-index/plan-index.js';
export type { Passage, PassageEdit } from './plan-index/passages.js';
export type { EditType } from './evidence/edit-align.js';
export type { Finding } from './plan-index/finding.js';
export type { PassageKind } from './evidence/passage-kind.js';
export { INDEX_DEFAULTS } from './plan-index/options.js';
export type { PlanIndexOptions } from './plan-index/options.js';
export { SharedPlanIndex } from './shared-index/shared-plan-index.js';
export type {
  ConnectionOptions,
  RedisTarget,
  SharedIndexOptions,
  SharedDocumentInfo,
} from './shared-index/shared-plan-index.js';
export { VERSION } from './version.js';

export { readDocumentFile } from './read/read-file.js';
export type { FileText, DocumentFormat, ReadBy, ReadOptions } from './read/read-file.js';
export type { OcrMode, OcrOptions, OcrPageDelta } from './read/ocr/ocr-options.js';

export { scanArchive, indexArchive } from './scan/scan.js';
export type {
  ScanOptions,
  ScanProgress,
  ScanResult,
  IndexArchiveOptions,
  IndexedArchive,
} from './scan/scan.js';
export type { PlanRecord, PlanError, DateSource } from './scan/prepare-plan.js';
export { REPORT_SCHEMA_VERSION } from './scan/report-model.js';
export type {
  ScanReport,
  ReportPlan,
  ReportSource,
  ReportCluster,
  ReportError,
} from './scan/report-model.js';
export { jsonReport } from './report/json-report.js';
export { csvReport } from './report/csv-report.js';
export { htmlReport } from './report/html-report.js';
export type { HtmlReportOptions } from './report/html-report.js';
export { writeReport, reportFormatOf } from './report/write-report.js';
export type { WriteReportOptions, ReportFormat } from './report/write-report.js';
