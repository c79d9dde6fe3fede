/**
 * The key names of one archive. The archive's own keys (ids, records, texts,
 * counters, state) carry the hash tag `{name}`: in a Redis Cluster they live
 * in one hash slot, so that an add or a removal is one atomic Lua script
 * over them. The posting lists (LSH buckets and anchors), which a check
 * reads a hundred of at a time, are spread over {@link SHARDS} shards, each
 * its own hash tag `{name#s}` (so its own slot, on whichever node holds it):
 * a check's lookups and an add's posting writes go to every node, one script
 * per shard.
 */

/** Shards the posting lists are spread over: enough for a cluster of 16 masters. */
export const SHARDS = 16;
/** The shard of a posting key is its top bits (anchors are chosen by their low bits, all zero). */
const SHARD_SHIFT = 32 - Math.log2(SHARDS);

/** The shard of a posting list: band key or anchor shingle. */
export function shardOf(key: number): number {
  return key >>> SHARD_SHIFT;
}

/** Keys of the archive `name`. */
export class ArchiveKeys {
  /** JSON: the index options the archive was created with, its normalisation and layout. */
  readonly options: string;
  /** Hash: document id → document number. */
  readonly ids: string;
  /** Hash: document number → record bytes. */
  readonly records: string;
  /** Hash: document number → compressed text. */
  readonly texts: string;
  /**
   * Hash: next (document numbers handed out), live, references, epoch,
   * bits:k (documents whose anchors have k low zero bits).
   */
  readonly state: string;
  /** String: the count-min counters of document frequencies, u32 each (BITFIELD). */
  readonly frequencies: string;
  /** Hash: shingle → references whose title has it. */
  readonly titles: string;
  /** Hash: shingle → references whose text has it. */
  readonly referenceShingles: string;
  /**
   * Set: documents added whose posting lists may not all be written yet (the
   * writer adds them after the add script and takes them out when done; a
   * writer that died in between leaves them for {@link RedisStore.repair}).
   */
  readonly pending: string;
  /** Hash: document number → record of a removed document whose postings may still be listed. */
  readonly removing: string;
  private readonly tag: string;

  constructor(readonly name: string) {
    this.tag = `saochep:{${name}}`;
    this.options = `${this.tag}:options`;
    this.ids = `${this.tag}:ids`;
    this.records = `${this.tag}:records`;
    this.texts = `${this.tag}:texts`;
    this.state = `${this.tag}:state`;
    this.frequencies = `${this.tag}:df`;
    this.titles = `${this.tag}:titles`;
    this.referenceShingles = `${this.tag}:refsh`;
    this.pending = `${this.tag}:pending`;
    this.removing = `${this.tag}:removing`;
  }

  /** The hash tag of shard s ('#' is in no archive name). */
  private shard(key: number): string {
    return `saochep:{${this.name}#${shardOf(key)}}`;
  }

  /** Set: the documents in the LSH bucket of a band key (members d × 32 + anchor bits). */
  band(key: number): string {
    return `${this.shard(key)}:b:${key}`;
  }

  /** Set: the peer documents with an anchor. */
  anchor(key: number): string {
    return `${this.shard(key)}:a:${key}`;
  }

  /** Set: the reference documents with an anchor. */
  referenceAnchor(key: number): string {
    return `${this.shard(key)}:r:${key}`;
  }

  /** The archive's own keys, which a write script is given, in the order the scripts read them. */
  fixed(): string[] {
    return [
      this.ids,
      this.records,
      this.texts,
      this.state,
      this.frequencies,
      this.titles,
      this.referenceShingles,
      this.options,
      this.pending,
      this.removing,
    ];
  }

  /** Patterns that match every key of the archive, its own and its shards' (for drop). */
  patterns(): string[] {
    // Names are letters, digits, '_', '-' and '.': nothing to escape.
    return [`${this.tag}:*`, `saochep:{${this.name}#*}:*`];
  }
}
