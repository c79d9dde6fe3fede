/**
 * The index `--index` names: a saved index file (with its write-ahead log),
 * or a Redis URL, which this version does not serve yet.
 */
import { ServiceError } from './errors.js';
import { FileServedIndex, type FileIndexOptions } from './file-index.js';
import type { ServedIndex } from './served-index.js';

/** Open the index `spec` names (loading goes on in the background: see ServedIndex.ready). */
export function openServedIndex(
  spec: string,
  options: Omit<FileIndexOptions, 'path'> = {},
): ServedIndex {
  if (/^rediss?:\/\//i.test(spec))
    throw new ServiceError(
      'ERR_SAOCHEP_NOT_SUPPORTED',
      `--index ${spec.replace(/\/\/[^@/]*@/, '//…@')}: a shared Redis index is not supported by this version yet. Serve a saved index file (saochep index … --out saved.idx).`,
    );
  return FileServedIndex.open({ ...options, path: spec });
}
