/**
 * Files written atomically (a temporary file in the same folder, synced, then
 * renamed over the target), so that a crash never leaves a half-written index
 * or report. Below every stage that writes files: the index, the reports and
 * the command line.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { SaochepError } from '../errors.js';

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
  return removed;
}

/** Text is encoded and written in blocks of about this many UTF-16 code units. */
const BLOCK_CHARS = 1 << 20;

/**
 * Write `content` to `path` atomically: bytes, or text given in pieces (any
 * length, encoded as UTF-8 block by block). `who` names the caller in errors.
 */
export async function writeFileAtomic(
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
