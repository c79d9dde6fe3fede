/** The JSON report: the report model as it is, indented, with a final newline. */
import { jsonChunks } from './json-chunks.js';
import type { ScanReport } from '../scan/report-model.js';
import { assertReport } from './validate-report.js';

/** The JSON report in pieces (one per plan), for reports too long for one string. */
export function* jsonReportChunks(report: ScanReport): Generator<string> {
  yield* jsonChunks(report, { indent: 2, depth: 2 });
  yield '\n';
}

/** The report as JSON text. Archives of 100,000 plans need {@link writeReport} instead. */
export function jsonReport(report: ScanReport): string {
  assertReport('jsonReport', report);
  return [...jsonReportChunks(report)].join('');
}
