/**
 * A check's scratch space: candidate counters, the plan's fingerprint counts,
 * the marks of one source's fingerprints, and a cache of sources read for
 * alignment. One context serves one check at a time; a pool hands one to each
 * check in flight, so that two checks (async ones interleaved, say) never share
 * buffers.
 */
import { QueryFingerprints } from '../../sketch/fingerprints.js';
import type { ReadDocument } from '../read-document.js';
import { CandidateSearch } from './candidates.js';

/** Source documents read for passages, kept for the next checks. */
const READ_CACHE = 1024;

export class CheckContext {
  readonly search = new CandidateSearch();
  readonly queryFingerprints = new QueryFingerprints();
  /** Fingerprints of one source at a time, stamped so that nothing has to be cleared between sources. */
  readonly marks = new Uint32Array(65536);
  private stamp = 0;
  private readonly readCache = new Map<number, ReadDocument>();
  private cacheGeneration = -1;

  /** A stamp no source has in {@link marks}. */
  nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /**
   * Source d as read for an earlier check, while the store's generation stays
   * the same (a removal or a compaction can give d to another document).
   */
  cachedSource(d: number, generation: number): ReadDocument | undefined {
    if (generation !== this.cacheGeneration) {
      this.readCache.clear();
      this.cacheGeneration = generation;
    }
    const cached = this.readCache.get(d);
    if (cached) {
      this.readCache.delete(d);
      this.readCache.set(d, cached);
    }
    return cached;
  }

  /** Keep source d as read, for the next checks. */
  cacheSource(d: number, source: ReadDocument): void {
    this.readCache.set(d, source);
    if (this.readCache.size > READ_CACHE)
      this.readCache.delete(this.readCache.keys().next().value as number);
  }
}

/** Contexts for checks in flight: one each, reused. */
export class ContextPool {
  private readonly free: CheckContext[] = [];

  acquire(): CheckContext {
    return this.free.pop() ?? new CheckContext();
  }

  release(context: CheckContext): void {
    // A few spare contexts are enough: each holds about 600 KB.
    if (this.free.length < 4) this.free.push(context);
  }
}
