/**
 * The scan report: one versioned, documented JSON structure from which the
 * JSON, CSV and HTML reports are written. See the README ("The scan report")
 * for the schema.
 */
import type { Finding } from '../plan-index/finding.js';
import type { Breakdown } from '../plan-index/plan-index.js';
import type { Passage } from '../plan-index/passages.js';

/** Version of the report schema; bumped when a field changes meaning or goes away. */
export const REPORT_SCHEMA_VERSION = 2;

/** A source of a plan: another plan, or a reference (directive, template). */
export interface ReportSource {
  id: string;
  reference: boolean;
  similarity: number;
  containment: number;
  /** The source is dated before the plan (absent when either is undated). */
  earlier?: boolean;
  date?: string;
  unit?: string;
  passages: Passage[];
}

/** One plan of the archive and what the scan found. */
export interface ReportPlan {
  id: string;
  file: string;
  format: string;
  /** How the text was had: `text` (the file's text), `ocr` (a scan read by OCR) or `text+ocr` (a PDF of both). Written by every scan; absent in reports of versions without OCR. */
  readBy?: 'text' | 'ocr' | 'text+ocr';
  /** Pages read by OCR (absent when none were). */
  ocrPages?: number;
  /** Text encoding as read: unicode, tcvn3 or vni. */
  encoding: string;
  language: string;
  unit?: string;
  number?: string;
  title?: string;
  /** Document type as its header line writes it ("KẾ HOẠCH"). */
  type?: string;
  date?: string;
  dateSource: string;
  characters: number;
  /** The sao chép score, 0–1. */
  score: number;
  /** Share of the plan set aside as boilerplate. */
  ignored: number;
  breakdown: Breakdown;
  /** score ≥ the scan's threshold. */
  copied: boolean;
  /** What was copied from where, and how, in one sentence each in Vietnamese and English. */
  finding: Finding;
  sources: ReportSource[];
}

/** Plans that are near-identical to each other (Jaccard similarity ≥ the cluster threshold). */
export interface ReportCluster {
  plans: string[];
  /** Lowest similarity of the pairs that joined the cluster. */
  minSimilarity: number;
}

/** A file or line that could not be read, and why. */
export interface ReportError {
  file: string;
  code: string;
  message: string;
}

/** The whole report. */
export interface ScanReport {
  schema: 'saochep-scan-report';
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** saochep version that wrote it. */
  saochep: string;
  input: { archive: string; references?: string; index?: string };
  options: {
    /** Score from which a plan counts as copied (the same as copiedAt; kept for schema 1 readers). */
    threshold: number;
    /** Score from which a plan counts as copied: the CLI's --copied-at. */
    copiedAt: number;
    /** Jaccard similarity the index's LSH bands are tuned for (index.threshold): the CLI's --lsh-threshold. */
    lshThreshold: number;
    clusterSimilarity: number;
    limit: number;
    /** Every option of the index in force, defaults filled in. */
    index: Record<string, unknown>;
  };
  summary: {
    files: number;
    plans: number;
    references: number;
    errors: number;
    /** Plans whose score reaches the threshold. */
    copied: number;
    /** Of which mostly from references (fromReferences ≥ fromPeers). */
    copiedFromReferences: number;
    meanScore: number;
    /** Sources behind the most copied plans. */
    topSources: Array<{ id: string; reference: boolean; plans: number }>;
  };
  plans: ReportPlan[];
  clusters: ReportCluster[];
  errors: ReportError[];
}
