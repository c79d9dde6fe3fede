/**
 * The HTML report: one self-contained file (no network, no external script
 * or font) with the summary, a table of plans sortable by any column, the
 * clusters of near-identical plans, the errors, and for each plan a
 * side-by-side view of the plan and a source with the copied passages
 * highlighted in both. Vietnamese interface, English one click away.
 */
import { SaochepTypeError, assertObject, describeValue } from '../errors.js';
import { jsonChunks } from './json-chunks.js';
import type { ReportPlan, ReportSource, ScanReport } from '../scan/report-model.js';
import type { PageData } from './browser/page-data.js';
import { reportScript } from './html-script.js';
import { REPORT_STYLE } from './html-style.js';
import { assertReport, assertTexts } from './validate-report.js';

/** Options of {@link htmlReport}. */
export interface HtmlReportOptions {
  /** Interface language at opening. Default 'vi'. */
  language?: 'vi' | 'en';
  /**
   * Plans whose texts (and their sources' texts) and passages are embedded
   * for the side-by-side view, highest scores first; the other plans keep
   * their scores and sources but not their passages (the JSON report has
   * them). Plans without a source fill what is left with their own texts. Default 2,000: the file stays small enough for a browser on
   * archives of 100,000 plans.
   */
  maxDetailPlans?: number;
}

/** JSON text made safe to sit inside a script element: no "</", no line separators. */
function embeddable(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A plan without its sources' passages: the file does not hold the texts to show them in. */
type PlanWithoutPassages = Omit<ReportPlan, 'sources'> & {
  sources: Array<Omit<ReportSource, 'passages'>>;
};

function withoutPassages(plan: ReportPlan): PlanWithoutPassages {
  return { ...plan, sources: plan.sources.map(({ passages, ...source }) => source) };
}

/**
 * The HTML report in pieces (the data one plan or text at a time), for
 * archives whose report is too long for one string.
 */
export function* htmlReportChunks(
  report: ScanReport,
  texts: ReadonlyMap<string, string>,
  options: HtmlReportOptions = {},
): Generator<string> {
  const language = options.language ?? 'vi';
  // Written into <html lang="…"> and the page's script: only the two languages the page has.
  if (language !== 'vi' && language !== 'en') {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `htmlReport: option language must be 'vi' or 'en', got ${describeValue(language)}.`,
    );
  }
  const script = reportScript();
  const maxDetail = options.maxDetailPlans ?? 2000;
  const detailed = [...report.plans]
    .filter((p) => p.sources.length > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, maxDetail);
  const embedded: Record<string, string> = {};
  for (const p of detailed) {
    const own = texts.get(p.id);
    if (own !== undefined) embedded[p.id] = own;
    for (const s of p.sources) {
      const t = texts.get(s.id);
      if (t !== undefined) embedded[s.id] = t;
    }
  }
  // Plans without a source are shown as their text alone, in what the budget leaves.
  let room = maxDetail - detailed.length;
  for (const p of report.plans) {
    if (room <= 0) break;
    const own = p.sources.length === 0 ? texts.get(p.id) : undefined;
    if (own === undefined) continue;
    embedded[p.id] = own;
    room--;
  }
  const shown = new Set(detailed.map((p) => p.id));
  const slim = {
    ...report,
    plans: report.plans.map((p): ReportPlan | PlanWithoutPassages =>
      shown.has(p.id) ? p : withoutPassages(p),
    ),
  };
  yield `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="saochep ${report.saochep}">
<title>saochep — báo cáo sao chép / copy report</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header class="top">
  <h1 data-i18n="title"></h1>
  <div class="lang" role="group" aria-label="Ngôn ngữ / Language">
    <button type="button" data-lang="vi" data-testid="lang-vi">Tiếng Việt</button>
    <button type="button" data-lang="en" data-testid="lang-en">English</button>
  </div>
</header>
<main>
  <section id="summary" data-testid="summary"></section>
  <section id="plans-section">
    <h2 data-i18n="plans"></h2>
    <div class="filters" data-testid="filters">
      <input id="filter" type="search" data-i18n-placeholder="filter" data-testid="filter">
      <label><span data-i18n="minScore"></span> <input id="min-score" type="number" min="0" max="100" step="1" data-testid="min-score"></label>
      <label><span data-i18n="maxScore"></span> <input id="max-score" type="number" min="0" max="100" step="1" data-testid="max-score"> %</label>
      <label><input id="copied-only" type="checkbox" data-testid="copied-only"> <span data-i18n="copiedOnly"></span></label>
      <label><span data-i18n="unit"></span> <select id="unit-filter" data-testid="unit-filter"></select></label>
      <label><span data-i18n="type"></span> <select id="type-filter" data-testid="type-filter"></select></label>
      <label><span data-i18n="dateFrom"></span> <input id="date-from" type="date" data-testid="date-from"></label>
      <label><span data-i18n="dateTo"></span> <input id="date-to" type="date" data-testid="date-to"></label>
      <span id="count" class="muted" data-testid="count"></span>
    </div>
    <table id="plans" data-testid="plans">
      <thead><tr>
        <th data-key="id" data-i18n="file"></th>
        <th data-key="title" data-i18n="titleCol"></th>
        <th data-key="type" data-i18n="type"></th>
        <th data-key="unit" data-i18n="unit"></th>
        <th data-key="date" data-i18n="date"></th>
        <th data-key="score" class="num" data-i18n="score" data-testid="sort-score"></th>
        <th data-key="fromReferences" class="num" data-i18n="fromReferences"></th>
        <th data-key="fromPeers" class="num" data-i18n="fromPeers"></th>
        <th data-key="source" data-i18n="mainSource"></th>
        <th data-key="readBy" data-i18n="readBy"></th>
      </tr></thead>
      <tbody></tbody>
    </table>
    <button type="button" id="more" data-testid="more" hidden></button>
  </section>
  <section id="detail" data-testid="detail" hidden></section>
  <section id="clusters" data-testid="clusters"></section>
  <section id="errors" data-testid="errors"></section>
</main>
<script type="application/json" id="saochep-data">`;
  // What the page's script reads: its type is the page's own (src/report/browser/page-data.ts).
  const data: PageData = { report: slim, texts: embedded, language };
  for (const piece of jsonChunks(data, { depth: 3 })) yield embeddable(piece);
  yield `</script>
<script>${script}</script>
</body>
</html>
`;
}

/** The HTML report of a scan. `texts` holds the plans' and sources' texts by id. */
export function htmlReport(
  report: ScanReport,
  texts: ReadonlyMap<string, string>,
  options: HtmlReportOptions = {},
): string {
  assertReport('htmlReport', report);
  assertTexts('htmlReport', texts);
  assertObject('htmlReport', options, 'options', "such as { language: 'vi' }");
  return [...htmlReportChunks(report, texts, options)].join('');
}
