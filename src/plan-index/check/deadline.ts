/**
 * A check's deadline: looked at between stages and between sources, it stops
 * a check that runs past the `deadline` option with ERR_SAOCHEP_TIMEOUT (a
 * service's request time limit holds for checks too, not only for reading).
 */
import { SaochepError } from '../../errors.js';

/** Throws ERR_SAOCHEP_TIMEOUT once the deadline has passed; a no-op without one. */
export type DeadlineGuard = (stage: string) => void;

/** Never passes. */
export const NO_DEADLINE: DeadlineGuard = () => undefined;

/** A guard for `deadline` (a Date.now() time), or {@link NO_DEADLINE}. */
export function deadlineGuard(deadline: number | undefined, fn: string): DeadlineGuard {
  if (deadline === undefined) return NO_DEADLINE;
  return (stage) => {
    const now = Date.now();
    if (now <= deadline) return;
    throw new SaochepError(
      'ERR_SAOCHEP_TIMEOUT',
      `${fn}: the check ran past its deadline (${now - deadline} ms late, while ${stage}) and was stopped. ` +
        'Give it a later deadline, or check a shorter text.',
    );
  };
}
