/**
 * The scan of the committed sample, against its report frozen before the
 * index was split into parts (test/fixtures/sample-scan-report.json.gz): a
 * change of structure must not change one byte of what users get. A change
 * that means to change scores regenerates the fixture (see test/fixtures/README.md)
 * and says why in its commit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { jsonReport, scanArchive } from '../../src/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FROZEN = gunzipSync(
  readFileSync(join(ROOT, 'test', 'fixtures', 'sample-scan-report.json.gz')),
).toString('utf8');

/** The first line where two texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++)
    if (la[i] !== lb[i]) return `line ${i + 1}: ${la[i]} ≠ ${lb[i]}`;
  return 'none';
}

describe('the sample scan', () => {
  for (const jobs of [1, 2]) {
    it(`gives the frozen report byte for byte with ${jobs} job(s)`, async () => {
      const cwd = process.cwd();
      process.chdir(ROOT);
      try {
        const { report } = await scanArchive({
          archive: 'corpus/sample/plans',
          references: 'corpus/sample/directives',
          jobs,
        });
        const json = jsonReport(report);
        expect(json === FROZEN, firstDifference(json, FROZEN)).toBe(true);
      } finally {
        process.chdir(cwd);
      }
    }, 300_000);
  }
});
