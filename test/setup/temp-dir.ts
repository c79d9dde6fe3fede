/**
 * The tests' temporary folders go into one private folder (TMPDIR set for
 * the test workers and the processes they start); at the end it must be
 * empty: a test that leaves a folder or file behind fails the run, by name.
 * A private folder, so that other programs using the system temp folder
 * meanwhile cannot make the check fail.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Vitest global setup: returns the teardown. */
export default function setup(): () => void {
  const system = tmpdir();
  const own = mkdtempSync(join(system, 'saochep-test-run-'));
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = own;
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    const left = readdirSync(own);
    rmSync(own, { recursive: true, force: true });
    if (left.length > 0) {
      // Vitest reports an error thrown here but still exits 0: the exit code says it too.
      process.exitCode = 1;
      throw new Error(
        `tests left ${left.length} entries in the temporary folder: ${left.join(', ')}. ` +
          'Remove what a test creates (afterAll, or finally).',
      );
    }
  };
}
