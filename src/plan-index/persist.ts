/**
 * Reading and writing saved indexes' files. The atomic writer lives in
 * src/files/, below the stages that write files; it is re-exported here for
 * the index.
 */
import { readFile } from 'node:fs/promises';
import { SaochepError } from '../errors.js';

export { removeTemporaryFilesSync, writeFileAtomic } from '../files/atomic-write.js';

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
