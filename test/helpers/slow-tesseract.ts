/**
 * A stand-in Tesseract for the tests of time limits: it knows the Vietnamese
 * model, writes its pid to a file and never finishes a page; and a way to see
 * whether such a program was killed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Write the stand-in into `dir`: its path, and the pid it wrote once started (undefined before). */
export function slowTesseract(dir: string): { path: string; pid: () => number | undefined } {
  const pidFile = join(dir, 'slow-tesseract.pid');
  const path = join(dir, 'slow-tesseract');
  writeFileSync(
    path,
    `#!/bin/sh\nif [ "$1" = "--list-langs" ]; then printf "List of available languages:\\nvie\\n"; exit 0; fi\necho $$ > '${pidFile}'\nexec sleep 300\n`,
  );
  chmodSync(path, 0o755);
  return {
    path,
    pid: () => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : undefined),
  };
}

/** Whether a process is gone or a zombie (killed, not yet reaped): not running. */
export function running(pid: number): boolean {
  const stat = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], {
    encoding: 'utf8',
  }).stdout.trim();
  return stat !== '' && !stat.startsWith('Z');
}

/** Wait until the process is not running, at most `ms`; whether it stopped. */
export async function stops(pid: number, ms = 30_000): Promise<boolean> {
  for (let waited = 0; waited < ms && running(pid); waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return !running(pid);
}
