/**
 * Writing a scan report to a file, whatever its size: the report is written
 * in pieces (a 100,000-plan JSON report is longer than the longest string
 * V8 can hold) and atomically, so a failed write never leaves half a report.
 */
import { extname } from 'node:path';
import { SaochepTypeError, assertObject, assertText } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { csvReportChunks } from './csv-report.js';
import { type HtmlReportOptions, htmlReportChunks } from './html-report.js';
import { jsonReportChunks } from './json-report.js';
import type { ScanReport } from '../scan/report-model.js';
import { assertReport, assertTexts } from './validate-report.js';

/** The formats a report is written in. */
export type ReportFormat = 'json' | 'csv' | 'html';

/** The format a report path's extension asks for (.json, .csv, .html or .htm), or undefined. */
export function reportFormatOf(path: string): ReportFormat | undefined {
  assertText('reportFormatOf', path, 'path');
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  if (ext === '.html' || ext === '.htm') return 'html';
  return undefined;
}

/** Options of {@link writeReport}. */
export interface WriteReportOptions extends HtmlReportOptions {
  /** The format; default from the path's extension. */
  format?: ReportFormat;
}

/**
 * Write the report of a scan to `path` as JSON, CSV or HTML (by its extension
 * unless `options.format` says). `texts` holds the plans' and sources' texts by
 * id, for the HTML report's side-by-side view. Throws a SaochepError with code
 * ERR_SAOCHEP_INVALID_OPTION for an unknown extension and ERR_SAOCHEP_IO when
 * the file cannot be written.
 */
export async function writeReport(
  path: string,
  report: ScanReport,
  texts: ReadonlyMap<string, string> = new Map(),
  options: WriteReportOptions = {},
): Promise<void> {
  assertText('writeReport', path, 'path');
  assertReport('writeReport', report);
  assertTexts('writeReport', texts);
  assertObject('writeReport', options, 'options', 'such as { format: "html" }');
  const format = options.format ?? reportFormatOf(path);
  if (format === undefined)
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_OPTION',
      `writeReport: cannot tell the format of "${path}": end it in .html, .json or .csv, or pass options.format.`,
    );
  const pieces =
    format === 'json'
      ? jsonReportChunks(report)
      : format === 'csv'
        ? csvReportChunks(report)
        : htmlReportChunks(report, texts, options);
  await writeFileAtomic(path, pieces, 'writeReport');
}
