/**
 * The scan report: one versioned, documented JSON structure from which the
 * JSON, CSV and HTML reports are written. See the README ("The scan report")
 * for the schema.
 */
import type { Breakdown } from '../plan-index/plan-index.js';
import type { Passage } from '../plan-index/passages.js';

/**
 * A changed span inside an edited passage, in the passage's coordinates
 * (start/end in the plan, sourceStart/sourceEnd in the source). An insertion
 * in the plan has sourceStart === sourceEnd, a deletion start === end.
 */
export interface PassageEdit {
  start: number;
  end: number;
  sourceStart: number;
  sourceEnd: number;
  /** 'name': a unit, place or person changed; 'number': a number or date; 'words': other words. */
  type: 'name' | 'number' | 'words';
}

/** A passage as the report holds it: the changed words of an edited one when known. */
export type ReportPassage = Passage & { edits?: PassageEdit[] };

/** Version of the report schema; bumped when a field changes meaning or goes away. */
export const REPORT_SCHEMA_VERSION = 1;

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
  passages: ReportPassage[];
}

/** One plan of the archive and what the scan found. */
export interface ReportPlan {
  id: string;
  file: string;
  format: string;
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
  sources: ReportSource[];
  /** A one-sentence finding for an inspector, in both languages. */
  finding?: { vi: string; en: string };
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
    threshold: number;
    clusterSimilarity: number;
    limit: number;
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
