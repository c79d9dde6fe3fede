/** The checks every report writer makes of its arguments, so that a wrong value is a coded error. */
import { SaochepTypeError, assertObject, describeValue } from '../errors.js';
import type { ScanReport } from '../scan/report-model.js';

/** Throw ERR_SAOCHEP_INVALID_ARGUMENT unless `report` looks like a scan report (an object with a plans array). */
export function assertReport(fn: string, report: unknown): asserts report is ScanReport {
  assertObject(fn, report, 'report', 'from scanArchive (its report)');
  if (!Array.isArray(report.plans))
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `${fn}: report.plans must be an array, got ${describeValue(report.plans)}. Pass the report scanArchive returns.`,
    );
}

/** Throw ERR_SAOCHEP_INVALID_ARGUMENT unless `texts` is a Map (or map-like) of texts by id. */
export function assertTexts(
  fn: string,
  texts: unknown,
): asserts texts is ReadonlyMap<string, string> {
  if (
    typeof texts === 'object' &&
    texts !== null &&
    typeof (texts as Map<string, string>).get === 'function' &&
    typeof (texts as Map<string, string>).has === 'function'
  )
    return;
  throw new SaochepTypeError(
    'ERR_SAOCHEP_INVALID_ARGUMENT',
    `${fn}: texts must be a Map of document texts by id (scanArchive's texts), got ${describeValue(texts)}.`,
  );
}
