/**
 * A multimap from 32-bit keys to lists of dense document ids, in typed arrays:
 * an open-addressing table (linear probing) of list heads over linked entries.
 * Used for the LSH band buckets and the anchor postings.
 *
 * Most keys have one document (a band value or an anchor seen once), so a
 * one-document list is stored in the slot itself, as −(doc + 2), with no entry.
 */
import { Growable } from './growable.js';

/** End of a list, and an empty slot. */
export const END = -1;

/** A posting table's arrays, in shared memory: see {@link PostingTable.shared}. */
export interface SharedPostingTable {
  keys: Uint32Array;
  heads: Int32Array;
  used: number;
  docs: Int32Array;
  next: Int32Array;
}

export class PostingTable {
  private keys: Uint32Array;
  /** END (empty), an entry index (≥ 0), or −(doc + 2) for a one-document list. */
  private heads: Int32Array;
  private used = 0;
  /** Entry i: document docs[i], next entry next[i] (END at the end of a list). */
  private docs: Growable<Int32Array> = new Growable(Int32Array, 1024);
  private next: Growable<Int32Array> = new Growable(Int32Array, 1024);
  /** Entries unlinked by removals, reused by later additions. */
  private free = END;

  /** A table sized for about `capacity` keys. */
  constructor(capacity = 1024) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, (capacity * 5) / 4 + 1)));
    this.keys = new Uint32Array(size);
    this.heads = new Int32Array(size).fill(END);
  }

  /** Copies of the table's arrays in shared memory, for read-only tables in worker threads. */
  shared(): SharedPostingTable {
    const copy = <T extends Uint32Array | Int32Array>(a: T): T => {
      const out = new (a.constructor as new (b: SharedArrayBuffer) => T)(
        new SharedArrayBuffer(a.byteLength),
      );
      out.set(a);
      return out;
    };
    return {
      keys: copy(this.keys),
      heads: copy(this.heads),
      used: this.used,
      docs: this.docs.shared(),
      next: this.next.shared(),
    };
  }

  /** A read-only table over shared arrays from {@link shared} (adding to it would grow a copy). */
  static fromShared(parts: SharedPostingTable): PostingTable {
    const table = new PostingTable(0);
    table.keys = parts.keys;
    table.heads = parts.heads;
    table.used = parts.used;
    table.docs = Growable.over(Int32Array, parts.docs);
    table.next = Growable.over(Int32Array, parts.next);
    return table;
  }

  /** Slot of `key`, or of the empty slot where it would go. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let s = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.heads[s] !== END && this.keys[s] !== key) s = (s + 1) & mask;
    return s;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldHeads = this.heads;
    const size = oldKeys.length * 2;
    this.keys = new Uint32Array(size);
    this.heads = new Int32Array(size).fill(END);
    for (let s = 0; s < oldKeys.length; s++) {
      if (oldHeads[s] === END) continue;
      const t = this.slot(oldKeys[s]);
      this.keys[t] = oldKeys[s];
      this.heads[t] = oldHeads[s];
    }
  }

  private newEntry(doc: number, next: number): number {
    if (this.free !== END) {
      const e = this.free;
      this.free = this.next.data[e];
      this.docs.data[e] = doc;
      this.next.data[e] = next;
      return e;
    }
    this.next.push(next);
    return this.docs.push(doc);
  }

  /** Add `doc` to the list of `key`. */
  add(key: number, doc: number): void {
    if ((this.used + 1) * 5 > this.keys.length * 4) this.grow();
    const s = this.slot(key);
    const head = this.heads[s];
    if (head === END) {
      this.keys[s] = key;
      this.heads[s] = -(doc + 2);
      this.used++;
      return;
    }
    // A one-document list becomes a linked one.
    const first = head < END ? this.newEntry(-head - 2, END) : head;
    this.heads[s] = this.newEntry(doc, first);
  }

  /** Remove one occurrence of `doc` from the list of `key`; false if absent. */
  remove(key: number, doc: number): boolean {
    const s = this.slot(key);
    const head = this.heads[s];
    if (head === END) return false;
    if (head < END) {
      if (-head - 2 !== doc) return false;
      this.deleteSlot(s);
      return true;
    }
    const docs = this.docs.data;
    const next = this.next.data;
    let e = head;
    let prev = END;
    while (e !== END && docs[e] !== doc) {
      prev = e;
      e = next[e];
    }
    if (e === END) return false;
    if (prev === END) this.heads[s] = next[e];
    else next[prev] = next[e];
    next[e] = this.free;
    this.free = e;
    if (this.heads[s] === END) this.deleteSlot(s);
    return true;
  }

  /** Empty slot s and re-place the probe run after it, so lookups still find every key. */
  private deleteSlot(s: number): void {
    const mask = this.keys.length - 1;
    this.heads[s] = END;
    this.used--;
    let t = (s + 1) & mask;
    while (this.heads[t] !== END) {
      const key = this.keys[t];
      const head = this.heads[t];
      this.heads[t] = END;
      const u = this.slot(key);
      this.keys[u] = key;
      this.heads[u] = head;
      t = (t + 1) & mask;
    }
  }

  /** The list of `key`: walk it with `for (let e = first(k); e !== END; e = nextEntry(e)) docOf(e)`. */
  first(key: number): number {
    return this.heads[this.slot(key)];
  }

  nextEntry(entry: number): number {
    return entry < END ? END : this.next.data[entry];
  }

  docOf(entry: number): number {
    return entry < END ? -entry - 2 : this.docs.data[entry];
  }

  /** Length of the list of `key`, counting no further than `limit` + 1. */
  count(key: number, limit = Infinity): number {
    let n = 0;
    for (let e = this.first(key); e !== END && n <= limit; e = this.nextEntry(e)) n++;
    return n;
  }

  /**
   * Lay each list's entries side by side in memory, in the order a walk
   * visits them (the lists and their order do not change). Lists built one
   * document at a time interleave over the whole entry array, so a walk at
   * 100,000 documents misses the cache at each step; after this it reads
   * one stretch. Done when a store is built whole (load, compact).
   */
  relay(): void {
    const entries = this.docs.length;
    const docs = new Growable(Int32Array, Math.max(1, entries));
    const next = new Growable(Int32Array, Math.max(1, entries));
    for (let s = 0; s < this.heads.length; s++) {
      const head = this.heads[s];
      if (head <= END) continue;
      this.heads[s] = docs.length;
      for (let e = head; e !== END; e = this.next.data[e]) {
        docs.push(this.docs.data[e]);
        next.push(this.next.data[e] === END ? END : docs.length);
      }
    }
    this.docs = docs;
    this.next = next;
    this.free = END;
  }

  /** Give back unused entry capacity. */
  trim(): void {
    this.docs.trim();
    this.next.trim();
  }

  /** Distinct keys. */
  get size(): number {
    return this.used;
  }

  /** Bytes allocated. */
  get byteLength(): number {
    return (
      this.keys.byteLength + this.heads.byteLength + this.docs.byteLength + this.next.byteLength
    );
  }
}
