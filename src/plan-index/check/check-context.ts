/**
 * A check's scratch space: candidate counters, the plan's fingerprint counts
 * and the marks of one source's fingerprints. One context serves one check at
 * a time; a pool hands one to each check in flight, so that two checks (async
 * ones interleaved, say) never share buffers. The sources read for alignment
 * are immutable: the contexts of one pool share one cache of them.
 */
import { QueryFingerprints } from '../../sketch/fingerprints.js';
import type { EncodingMemo } from '../../text/prepare.js';
import type { ReadDocument } from '../read-document.js';
import { CandidateSearch } from './candidates.js';

/**
 * Tokens of the sources kept read for the next checks (about 20 bytes each: some
 * 80 MB). Reading a source (tokens, frame, shingles) costs as much as aligning
 * it, and the sources that share a genre's template come back check after check.
 */
const CACHED_TOKENS = 4_000_000;

/**
 * Encodings remembered at most. Only sources whose encoding had to be detected
 * (legacy hints, NFD) have one, and detecting costs as much as reading them.
 */
const REMEMBERED_ENCODINGS = 1 << 18;

/** Sources read for alignment, least recently used out first, within a budget of tokens. */
export class SourceCache {
  private readonly read = new Map<number, ReadDocument>();
  private readonly encodings = new Map<number, EncodingMemo>();
  private tokens = 0;
  private generation = -1;

  /**
   * Source d as read for an earlier check, while the store's generation stays
   * the same (a removal or a compaction can give d to another document).
   */
  get(d: number, generation: number): ReadDocument | undefined {
    this.sync(generation);
    const cached = this.read.get(d);
    if (cached) {
      this.read.delete(d);
      this.read.set(d, cached);
    }
    return cached;
  }

  /** What is known of source d's encoding, to read it with (filled in by the reading). */
  encodingMemo(d: number, generation: number): EncodingMemo {
    this.sync(generation);
    return this.encodings.get(d) ?? {};
  }

  /** Keep what reading source d found out about its encoding, if it had to detect it. */
  rememberEncoding(d: number, memo: EncodingMemo): void {
    if (memo.raw === undefined && memo.nfc === undefined) return;
    if (this.encodings.size >= REMEMBERED_ENCODINGS) this.encodings.clear();
    this.encodings.set(d, memo);
  }

  private sync(generation: number): void {
    if (generation === this.generation) return;
    this.read.clear();
    this.encodings.clear();
    this.tokens = 0;
    this.generation = generation;
  }

  /** Keep source d as read. */
  set(d: number, source: ReadDocument): void {
    if (this.read.has(d)) return;
    this.read.set(d, source);
    this.tokens += source.tokens.count;
    while (this.tokens > CACHED_TOKENS && this.read.size > 1) {
      const [oldest, doc] = this.read.entries().next().value as [number, ReadDocument];
      this.read.delete(oldest);
      this.tokens -= doc.tokens.count;
    }
  }
}

export class CheckContext {
  readonly search = new CandidateSearch();
  readonly queryFingerprints = new QueryFingerprints();
  /** Fingerprints of one source at a time, stamped so that nothing has to be cleared between sources. */
  readonly marks = new Uint32Array(65536);
  private stamp = 0;

  constructor(readonly sources: SourceCache = new SourceCache()) {}

  /** A stamp no source has in {@link marks}. */
  nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

/** Contexts for checks in flight: one each, reused; one cache of sources for all. */
export class ContextPool {
  private readonly free: CheckContext[] = [];
  private readonly sources = new SourceCache();

  acquire(): CheckContext {
    return this.free.pop() ?? new CheckContext(this.sources);
  }

  release(context: CheckContext): void {
    // A few spare contexts are enough: each holds about 600 KB.
    if (this.free.length < 4) this.free.push(context);
  }
}
