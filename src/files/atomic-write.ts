/**
 * Files written atomically (a temporary file in the same folder, synced, then
 * renamed over the target), so that a crash never leaves a half-written index
 * or report, under the file's save lock. Below every stage that writes files:
 * the index, the reports and the command line.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SaochepError } from '../errors.js';
import { releaseLocksSync, withFileLock } from './file-lock.js';

/** Temporary files being written right now, so that an interrupted process can remove them. */
const IN_PROGRESS = new Set<string>();

/**
 * Remove the temporary files of the atomic writes still in progress, at once:
 * for a SIGINT or SIGTERM handler, which exits before any promise settles.
 * Returns the paths removed.
 */
export function removeTemporaryFilesSync(): string[] {
  const removed: string[] = [];
  for (const path of IN_PROGRESS) {
    try {
      unlinkSync(path);
      removed.push(path);
    } catch {
      // Not created yet, or already renamed into place.
    }
  }
  IN_PROGRESS.clear();
  releaseLocksSync();
  return removed;
}

/** A temporary file of an earlier save is left this long before it is removed, whoever wrote it. */
const ABANDONED_MS = 24 * 3600_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files `<path>.<pid>.<hex>.tmp` that crashed saves of
 * `path` left (kill -9, power loss): those of processes no longer alive, and
 * any older than a day. Returns the names removed. Called with the file's
 * lock held, so no live save of it is touched.
 */
export async function removeStaleTemporaryFiles(path: string): Promise<string[]> {
  const base = basename(path);
  const folder = dirname(path);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(`${base}.`) || !name.endsWith('.tmp')) continue;
    const match = /^\.(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(base.length));
    if (!match) continue;
    const full = join(folder, name);
    if (IN_PROGRESS.has(full)) continue;
    const pid = Number(match[1]);
    let stale = pid !== process.pid && !processAlive(pid);
    if (!stale) {
      const info = await stat(full).catch(() => undefined);
      stale = info !== undefined && Date.now() - info.mtimeMs > ABANDONED_MS;
    }
    if (
      stale &&
      (await unlink(full)
        .then(() => true)
        .catch(() => false))
    )
      removed.push(name);
  }
  return removed;
}

/** Text is encoded and written in blocks of about this many UTF-16 code units. */
const BLOCK_CHARS = 1 << 20;

/**
 * Write `content` to `path` atomically: bytes, or text given in pieces (any
 * length, encoded as UTF-8 block by block). `who` names the caller in errors.
 * The write holds the file's lock (see file-lock.ts: a caller that read the
 * file and extends it holds it from before the read) and first removes the
 * temporary files crashed saves of it left.
 */
export async function writeFileAtomic(
  path: string,
  content: Uint8Array | Iterable<string>,
  who: string,
): Promise<void> {
  await withFileLock(
    path,
    async () => {
      await removeStaleTemporaryFiles(path);
      await writeLocked(path, content, who);
    },
    { who },
  );
}

async function writeLocked(
  path: string,
  content: Uint8Array | Iterable<string>,
  who: string,
): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  IN_PROGRESS.add(temporary);
  try {
    const handle = await open(temporary, 'wx');
    try {
      if (content instanceof Uint8Array) {
        await handle.writeFile(content);
      } else {
        // writeFile on an open handle appends at its position: each block follows the last.
        let block: string[] = [];
        let length = 0;
        for (const piece of content) {
          block.push(piece);
          length += piece.length;
          if (length >= BLOCK_CHARS) {
            await handle.writeFile(block.join(''), 'utf8');
            block = [];
            length = 0;
          }
        }
        if (length > 0) await handle.writeFile(block.join(''), 'utf8');
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    IN_PROGRESS.delete(temporary);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    IN_PROGRESS.delete(temporary);
    throw new SaochepError(
      'ERR_SAOCHEP_IO',
      `${who}: could not write ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
