/**
 * Who copied whom: with onlyEarlier, a check counts only sources dated before
 * the plan (the same day too with includeSameDay), and references not dated
 * after it.
 */

/** When the plan and the source are both dated: whether the source is earlier. */
export function isEarlier(
  planDate: number | undefined,
  sourceDate: number | null,
): boolean | undefined {
  return planDate === undefined || sourceDate === null ? undefined : sourceDate < planDate;
}

/** Whether a source may count for a plan under the check's date options. */
export function eligibleByDate(
  planDate: number | undefined,
  sourceDate: number | null,
  reference: boolean,
  options: { onlyEarlier: boolean; includeSameDay: boolean },
): boolean {
  if (!options.onlyEarlier || planDate === undefined) return true;
  if (isEarlier(planDate, sourceDate) === true) return true;
  if (options.includeSameDay && sourceDate === planDate) return true;
  return reference && (sourceDate === null || sourceDate <= planDate);
}
