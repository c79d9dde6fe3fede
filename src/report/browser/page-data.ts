/**
 * What the HTML report's page reads from the JSON embedded in it: the part of
 * the scan report it shows, and the texts of the plans it can open. The page
 * declares it for itself (it is type-checked for the browser, without the
 * Node.js modules the report model's own types come from); html-report.ts
 * checks that what it embeds is one of these.
 */

/** A changed word inside an edited passage. */
export interface PageEdit {
  start: number;
  end: number;
  sourceStart: number;
  sourceEnd: number;
  type: string;
}

/** A copied passage: where it is in the plan and in the source. */
export interface PagePassage {
  start: number;
  end: number;
  sourceStart: number;
  sourceEnd: number;
  kind: string;
  edits?: readonly PageEdit[];
}

/** A source of a plan; without passages when the report does not hold the plan's texts. */
export interface PageSource {
  id: string;
  reference: boolean;
  similarity: number;
  containment: number;
  earlier?: boolean;
  passages?: readonly PagePassage[];
}

/** A plan as the page shows it. */
export interface PagePlan {
  id: string;
  unit?: string;
  number?: string;
  title?: string;
  type?: string;
  date?: string;
  score: number;
  ignored: number;
  copied: boolean;
  breakdown: { fromReferences: number; fromPeers: number };
  finding?: { vi?: string; en?: string };
  sources: readonly PageSource[];
  /** How the text was had (absent in reports of versions without OCR). */
  readBy?: 'text' | 'ocr' | 'text+ocr';
  /** Pages read by OCR. */
  ocrPages?: number;
}

/** The scan report as the page reads it. */
export interface PageReport {
  saochep: string;
  schemaVersion: number;
  options: { threshold: number };
  summary: {
    plans: number;
    copied: number;
    copiedFromReferences: number;
    meanScore: number;
    errors: number;
    topSources: ReadonlyArray<{ id: string; reference: boolean; plans: number }>;
  };
  plans: readonly PagePlan[];
  clusters: ReadonlyArray<{ plans: readonly string[]; minSimilarity: number }>;
  errors: ReadonlyArray<{ file: string; code: string; message: string }>;
}

/** The JSON in the page's `<script type="application/json" id="saochep-data">`. */
export interface PageData {
  report: PageReport;
  texts: Readonly<Record<string, string>>;
  language: 'vi' | 'en';
}
