/**
 * The key names of one archive. Every key carries the hash tag `{name}`, so
 * that in a Redis Cluster all of them live in one hash slot: an add or a
 * removal is one Lua script over all the keys it touches, atomic, which a
 * cluster runs only when they share a slot (see the README's trade-off).
 */

/** Keys of the archive `name`. */
export class ArchiveKeys {
  /** JSON: the index options the archive was created with, its normalisation and format. */
  readonly options: string;
  /** Hash: document id → document number. */
  readonly ids: string;
  /** Hash: document number → record bytes. */
  readonly records: string;
  /** Hash: document number → compressed text. */
  readonly texts: string;
  /** Hash: next (document numbers handed out), live, epoch, bits:k (documents whose anchors have k low zero bits). */
  readonly state: string;
  /** String: the count-min counters of document frequencies, u32 each (BITFIELD). */
  readonly frequencies: string;
  /** Hash: shingle → references whose title has it. */
  readonly titles: string;
  /** Hash: shingle → references whose text has it. */
  readonly referenceShingles: string;
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
  }

  /** Set: the documents in the LSH bucket of a band key (members d × 32 + anchor bits). */
  band(key: number): string {
    return `${this.tag}:b:${key}`;
  }

  /** Set: the peer documents with an anchor. */
  anchor(key: number): string {
    return `${this.tag}:a:${key}`;
  }

  /** Set: the reference documents with an anchor. */
  referenceAnchor(key: number): string {
    return `${this.tag}:r:${key}`;
  }

  /** The fixed keys a write script is given first, in the order the scripts read them. */
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
    ];
  }

  /** A pattern that matches every key of the archive (for drop). */
  pattern(): string {
    return `${this.tag.replace(/[*?[\]\\]/g, '\\$&')}:*`;
  }
}
