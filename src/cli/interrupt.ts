/**
 * Ctrl-C (SIGINT) or SIGTERM while saochep writes a report or an index: the
 * temporary file of the write in progress is removed before the process
 * exits, so no `X.<pid>.<hex>.tmp` is left next to the target.
 */
import { removeTemporaryFilesSync } from '../files/atomic-write.js';

/** Exit code of a run stopped by a signal: 128 + the signal's number, as shells report it. */
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** The handlers installed by exitCleanlyOnSignals, to take them back. */
const INSTALLED: Array<['SIGINT' | 'SIGTERM', () => void]> = [];

/**
 * Install the handlers; `onStop` runs first (to end a progress bar's line).
 * The process exits with 130 for SIGINT, 143 for SIGTERM.
 */
export function exitCleanlyOnSignals(stderr: NodeJS.WritableStream, onStop?: () => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const handler = () => {
      onStop?.();
      const removed = removeTemporaryFilesSync();
      stderr.write(
        `\nsaochep: stopped (${signal})${removed.length ? `; removed ${removed.join(', ')}` : ''}.\n`,
      );
      process.exit(EXIT_CODES[signal]);
    };
    INSTALLED.push([signal, handler]);
    process.once(signal, handler);
  }
}

/**
 * Take back the handlers of exitCleanlyOnSignals: for `saochep serve`, which
 * stops on a signal by finishing its requests and saving, then exits 0.
 */
export function stopExitingOnSignals(): void {
  for (const [signal, handler] of INSTALLED.splice(0)) process.removeListener(signal, handler);
}
