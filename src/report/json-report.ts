/** The JSON report: the report model as it is, indented, with a final newline. */
import type { ScanReport } from './report-model.js';

/** The report as JSON text. */
export function jsonReport(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
