/**
 * The index `--index` names: a saved index file (with its write-ahead log),
 * or a Redis URL (redis://host:port[/db]?name=archive, or
 * redis+cluster://host:port,host:port?name=archive): a shared archive that
 * several serve processes serve at once.
 */
import { isRedisUrl } from '../shared-index/redis-url.js';
import { FileServedIndex, type FileIndexOptions } from './file-index.js';
import { RedisServedIndex } from './redis-index.js';
import type { ServedIndex } from './served-index.js';

/** Open the index `spec` names (loading goes on in the background: see ServedIndex.ready). */
export function openServedIndex(
  spec: string,
  options: Omit<FileIndexOptions, 'path'> = {},
): ServedIndex {
  if (isRedisUrl(spec)) return new RedisServedIndex(spec, options.onEvent);
  return FileServedIndex.open({ ...options, path: spec });
}
