/**
 * A real `saochep serve` process for tests (the built dist/cli.js), started
 * on a free port with a token file, resolved once it listens and its index
 * is ready.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'dist/cli.js');

/** A running serve process: its URL and what it has written to stderr so far. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/**
 * Start `saochep serve --index <index>` in `dir` with the token file
 * `dir/token`; the child is pushed to `children` (for the test to kill).
 */
export function startServe(
  index: string,
  dir: string,
  children: ChildProcess[],
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--index', index, '--port', '0', '--token-file', join(dir, 'token')],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  children.push(child);
  let stderr = '';
  return new Promise((resolvePromise, reject) => {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (url && /documents ready/.test(stderr))
        resolvePromise({ child, url, stderr: () => stderr });
    });
    child.on('exit', (code) => reject(new Error(`saochep serve exited ${code}: ${stderr}`)));
  });
}
