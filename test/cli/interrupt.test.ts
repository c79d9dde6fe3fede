/**
 * Ctrl-C while a report or an index is being written: the CLI's signal
 * handler removes the temporary file and exits 130. A child process writes
 * a large file atomically and sends itself SIGINT in the middle of it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'saochep-interrupt-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('stopping saochep while it writes', () => {
  it('removes the temporary file on SIGINT and exits 130', () => {
    const src = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);
    const out = join(tmp, 'out');
    const script = join(tmp, 'write.mts');
    writeFileSync(
      script,
      `import { exitCleanlyOnSignals } from ${src('src/cli/interrupt.ts')};
import { writeFileAtomic } from ${src('src/files/atomic-write.ts')};
exitCleanlyOnSignals(process.stderr);
function* pieces() {
  for (let i = 0; i < 400; i++) {
    if (i === 3) process.kill(process.pid, 'SIGINT');
    yield 'kế hoạch '.repeat(1 << 17);
  }
}
await writeFileAtomic(${JSON.stringify(join(out, 'report.json'))}, pieces(), 'writeReport');
process.stdout.write('finished');
`,
    );
    mkdirSync(out);
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      // tsx keeps a cache in the temporary folder: this test's own.
      env: { ...process.env, TMPDIR: tmp },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stdout).toBe('');
    expect(r.status, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/stopped \(SIGINT\); removed .*report\.json\.\d+\.[0-9a-f]{12}\.tmp/);
    expect(readdirSync(out)).toEqual([]);
  });
});
