/**
 * Index files: written atomically (a temporary file in the same folder, synced,
 * then renamed over the target), so a crash never leaves a half-written index.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { SaochepError } from '../errors.js';

/** Write `bytes` to `path` atomically. */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new SaochepError(
      'ERR_SAOCHEP_IO',
      `PlanIndex.save: could not write ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/** Read a whole file. */
export async function readWholeFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new SaochepError(
      'ERR_SAOCHEP_IO',
      `PlanIndex.load: could not read ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
