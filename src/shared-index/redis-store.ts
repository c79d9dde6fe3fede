/**
 * The Redis store: an archive index in Redis, behind the same seam as the
 * in-memory store. Each stage of a check is one round trip (a MULTI of
 * reads, one Lua call, or one HMGET); each add or removal is one Lua script,
 * atomic (see scripts.ts), so that any number of processes share it.
 *
 * Document numbers are handed out by the script (a counter that only grows)
 * and never reused, so a source read for one check stays valid for the next:
 * the summary's generation changes only when the archive is dropped and made
 * anew (its epoch).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Cluster, Redis } from 'ioredis';
import { SaochepError } from '../errors.js';
import { firstCounter, secondCounter } from '../plan-index/doc-frequency.js';
import { countedSet } from '../plan-index/read-document.js';
import type { Sketcher } from '../plan-index/sketcher.js';
import type {
  AsyncIndexStoreReader,
  DocumentView,
  FingerprintRef,
  PostingRequest,
  PostingView,
  StatisticsView,
  StoreSummary,
} from '../plan-index/store/index-store.js';
import type { SketchedDocument } from '../plan-index/types.js';
import { duplicateIdError } from '../plan-index/validate.js';
import { type ArchiveKeys, shardOf } from './keys.js';
import { type DocumentRecord, decodeRecord, encodeRecord, packU32 } from './record.js';
import {
  ADD_BATCH_SCRIPT,
  POSTINGS_ADD_SCRIPT,
  POSTINGS_REMOVE_SCRIPT,
  POSTINGS_SCRIPT,
  REMOVE_SCRIPT,
  STATISTICS_SCRIPT,
} from './scripts.js';

/** A Redis server or cluster client. */
export type RedisClient = Redis | Cluster;

type Arg = string | number | Buffer;

/** The scripts as commands (ioredis's defineCommand: EVALSHA, EVAL once when Redis lacks the script). */
interface ScriptCommands {
  saochepAddBatch(numKeys: number, args: Arg[]): Promise<number[]>;
  saochepRemove(numKeys: number, ...args: Arg[]): Promise<number>;
  saochepPostings(numKeys: number, ...args: Arg[]): Promise<Array<string[] | number>>;
  saochepPostingsAdd(numKeys: number, args: Arg[]): Promise<number>;
  saochepPostingsRemove(numKeys: number, args: Arg[]): Promise<number>;
  saochepStatistics(
    numKeys: number,
    ...args: Arg[]
  ): Promise<[Array<string | null>, number[], Array<string | null>, Array<string | null>]>;
}

/**
 * Documents per add script: Redis runs one script at a time, so a batch
 * blocks other clients while it runs.
 */
const SCRIPT_BATCH = 64;

/** What the add script answers when the archive was dropped. */
const DROPPED = -2;

/** A removal that raced another writer is read and tried again this many times. */
const REMOVE_ATTEMPTS = 8;

/** Define the archive scripts on a client (once per client). */
export function defineScripts(client: RedisClient): void {
  client.defineCommand('saochepAddBatch', { lua: ADD_BATCH_SCRIPT });
  client.defineCommand('saochepRemove', { lua: REMOVE_SCRIPT });
  client.defineCommand('saochepPostings', { lua: POSTINGS_SCRIPT });
  client.defineCommand('saochepPostingsAdd', { lua: POSTINGS_ADD_SCRIPT });
  client.defineCommand('saochepPostingsRemove', { lua: POSTINGS_REMOVE_SCRIPT });
  client.defineCommand('saochepStatistics', { lua: STATISTICS_SCRIPT });
}

function scripts(target: unknown): ScriptCommands {
  return target as ScriptCommands;
}

/** The two count-min counters of each shingle of a set, as BITFIELD offsets ('#index'). */
function countersOf(set: Uint32Array): string[] {
  const out: string[] = new Array<string>(set.length * 2);
  for (let i = 0; i < set.length; i++) {
    out[2 * i] = `#${firstCounter(set[i])}`;
    out[2 * i + 1] = `#${secondCounter(set[i])}`;
  }
  return out;
}

/**
 * The frequency counters a batch increments, as (counter, count) pairs in
 * ascending counter order: the same arguments for the same batch whatever
 * the order of its documents' shingles.
 */
function counterCounts(batch: readonly SketchedDocument[]): Uint32Array {
  let total = 0;
  for (const { shingleSet } of batch) total += 2 * shingleSet.length;
  const all = new Uint32Array(total);
  let n = 0;
  for (const { shingleSet } of batch)
    for (let i = 0; i < shingleSet.length; i++) {
      all[n++] = firstCounter(shingleSet[i]);
      all[n++] = secondCounter(shingleSet[i]);
    }
  all.sort();
  const pairs = new Uint32Array(2 * total);
  let m = 0;
  for (let i = 0; i < total;) {
    let j = i + 1;
    while (j < total && all[j] === all[i]) j++;
    pairs[m++] = all[i];
    pairs[m++] = j - i;
    i = j;
  }
  return pairs.subarray(0, m);
}

/** The shingles of a set, each once, ascending. */
function distinct(shingles: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(shingles).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
  return sorted.subarray(0, n);
}

/** A posting list as the memory store visits it: newest document first. */
function members(list: readonly string[]): Int32Array {
  const out = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = Number(list[i]);
  return out.sort().reverse();
}

/** Postings fetched for one check. */
class FetchedPostings implements PostingView {
  private readonly bits = new Map<number, number>();

  constructor(
    private readonly bands: Map<number, Int32Array>,
    private readonly peer: Map<number, Int32Array | number>,
    private readonly reference: Map<number, Int32Array>,
  ) {}

  private visit(list: Int32Array | undefined, visit: (d: number) => void): void {
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const d = Math.floor(list[i] / 32);
      this.bits.set(d, list[i] % 32);
      visit(d);
    }
  }

  eachInBand(key: number, visit: (d: number) => void): void {
    this.visit(this.bands.get(key), visit);
  }

  anchorCount(key: number): number {
    const list = this.peer.get(key);
    return list === undefined ? 0 : typeof list === 'number' ? list : list.length;
  }

  eachWithAnchor(key: number, visit: (d: number) => void): void {
    const list = this.peer.get(key);
    if (typeof list !== 'number') this.visit(list, visit);
  }

  eachWithReferenceAnchor(key: number, visit: (d: number) => void): void {
    this.visit(this.reference.get(key), visit);
  }

  anchorBitsOf(d: number): number {
    return this.bits.get(d) ?? 0;
  }
}

const EMPTY = new Uint32Array(0);

/** Records fetched for one check; a document removed meanwhile reads as an empty one, which nothing matches. */
class FetchedDocuments implements DocumentView {
  constructor(private readonly records: Map<number, DocumentRecord>) {}

  idOf(d: number): string {
    return this.records.get(d)?.id ?? '';
  }
  isReference(d: number): boolean {
    return this.records.get(d)?.reference ?? false;
  }
  dateOf(d: number): number | null {
    return this.records.get(d)?.date ?? null;
  }
  sizeOf(d: number): number {
    return this.records.get(d)?.size ?? 0;
  }
  fingerprintsOf(d: number): FingerprintRef {
    const r = this.records.get(d);
    return { code: r?.fingerprintCode ?? EMPTY, offset: 0, count: r?.fingerprintCount ?? 0 };
  }
  metaOf(d: number): Record<string, unknown> | undefined {
    return this.records.get(d)?.meta;
  }
}

/** The archive `keys` in Redis, read and written for documents of `sketcher`'s options. */
export class RedisStore implements AsyncIndexStoreReader {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: ArchiveKeys,
    private readonly sketcher: Sketcher,
    private readonly loadText?: (id: string) => string | undefined,
  ) {}

  // ---- the read side, for the checker ----

  async statistics(shingles: Uint32Array): Promise<StatisticsView> {
    const { keys } = this;
    const set = distinct(shingles);
    const maxBits = this.sketcher.maxAnchorBits;
    const counters = new Uint32Array(2 * set.length);
    for (let i = 0; i < set.length; i++) {
      counters[2 * i] = firstCounter(set[i]);
      counters[2 * i + 1] = secondCounter(set[i]);
    }
    const [state, counts, titles, references] = await scripts(this.client).saochepStatistics(
      4,
      keys.state,
      keys.frequencies,
      keys.titles,
      keys.referenceShingles,
      packU32(set),
      packU32(counters),
      maxBits,
    );
    const frequency = new Map<number, number>();
    const titleSet = new Set<number>();
    const referenceCounts = new Map<number, number>();
    for (let i = 0; i < set.length; i++) {
      frequency.set(set[i], Math.min(counts[2 * i], counts[2 * i + 1]));
      // Lists are empty when no reference has any of the shingles.
      const title = titles[i] ?? null;
      const reference = references[i] ?? null;
      if (title !== null) titleSet.add(set[i]);
      if (reference !== null) referenceCounts.set(set[i], Number(reference));
    }
    let probeBits = 0;
    while (probeBits < maxBits && Number(state[3 + probeBits] ?? 0) <= 0) probeBits++;
    const summary: StoreSummary = {
      capacity: Number(state[0] ?? 0),
      live: Number(state[1] ?? 0),
      generation: Number(state[2] ?? 0),
      probeBits,
    };
    return {
      summary,
      isReferenceTitle: (h) => titleSet.has(h),
      referenceCount: (h) => referenceCounts.get(h) ?? 0,
      frequency: (h) => frequency.get(h) ?? 0,
    };
  }

  async postings(request: PostingRequest): Promise<PostingView> {
    const { keys } = this;
    const { bandKeys, anchorKeys } = request;
    // One script per shard, all sent at once: in a cluster each goes to the node that holds its shard.
    const byShard = new Map<number, { bands: number[]; anchors: number[] }>();
    const shard = (key: number) => {
      const s = shardOf(key);
      let lists = byShard.get(s);
      if (lists === undefined) byShard.set(s, (lists = { bands: [], anchors: [] }));
      return lists;
    };
    for (const k of bandKeys) shard(k).bands.push(k);
    for (const k of anchorKeys) shard(k).anchors.push(k);
    const bands = new Map<number, Int32Array>();
    const peer = new Map<number, Int32Array | number>();
    const reference = new Map<number, Int32Array>();
    await Promise.all(
      [...byShard.values()].map(async (lists) => {
        const names: string[] = [];
        for (const k of lists.bands) names.push(keys.band(k));
        for (const k of lists.anchors) names.push(keys.anchor(k));
        for (const k of lists.anchors) names.push(keys.referenceAnchor(k));
        const reply = await scripts(this.client).saochepPostings(
          names.length,
          ...names,
          lists.bands.length,
          request.anchorCap,
        );
        const b = lists.bands.length;
        const a = lists.anchors.length;
        for (let i = 0; i < b; i++) bands.set(lists.bands[i], members(reply[i] as string[]));
        for (let i = 0; i < a; i++) {
          const r = reply[b + i];
          peer.set(lists.anchors[i], typeof r === 'number' ? r : members(r));
          reference.set(lists.anchors[i], members(reply[b + a + i] as string[]));
        }
      }),
    );
    return new FetchedPostings(bands, peer, reference);
  }

  async liveDocuments(): Promise<number[]> {
    const values = await this.client.hvals(this.keys.ids);
    return values.map(Number).sort((x, y) => x - y);
  }

  async documents(ds: readonly number[]): Promise<DocumentView> {
    const records = new Map<number, DocumentRecord>();
    if (ds.length > 0) {
      const bytes = await this.client.hmgetBuffer(this.keys.records, ...ds.map(String));
      ds.forEach((d, k) => {
        const b = bytes[k];
        if (b) records.set(d, decodeRecord(b));
      });
    }
    return new FetchedDocuments(records);
  }

  async texts(ds: readonly number[]): Promise<Array<string | undefined>> {
    if (ds.length === 0) return [];
    const fields = ds.map(String);
    const [stored, records] = await Promise.all([
      this.client.hmgetBuffer(this.keys.texts, ...fields),
      this.loadText ? this.client.hmgetBuffer(this.keys.records, ...fields) : Promise.resolve([]),
    ]);
    return ds.map((_, k) => {
      const text = stored[k];
      if (text) return inflateRawSync(text).toString('utf8');
      const record = records[k];
      return record ? this.loadText?.(decodeRecord(record).id) : undefined;
    });
  }

  // ---- writes ----

  private droppedError(fn: string): SaochepError {
    return new SaochepError(
      'ERR_SAOCHEP_STORE_UNAVAILABLE',
      `${fn}: the archive "${this.keys.name}" is no longer in Redis (it was dropped). Connect again to create it anew.`,
    );
  }

  /** Documents in the archive, references included. */
  async size(): Promise<number> {
    return Number((await this.client.hget(this.keys.state, 'live')) ?? 0);
  }

  async has(id: string): Promise<boolean> {
    return (await this.client.hexists(this.keys.ids, id)) === 1;
  }

  /** The record of a stored document (meta, reference flag, date…), undefined when the id is not in the archive. */
  async record(id: string): Promise<DocumentRecord | undefined> {
    const d = await this.client.hget(this.keys.ids, id);
    if (d === null) return undefined;
    const bytes = await this.client.hgetBuffer(this.keys.records, d);
    return bytes ? decodeRecord(bytes) : undefined;
  }

  /** The text of a stored document: stored, or through loadText. */
  async text(id: string): Promise<string | undefined> {
    const d = await this.client.hget(this.keys.ids, id);
    if (d === null) return undefined;
    return (await this.texts([Number(d)]))[0];
  }

  /** Add a sketched document; ERR_SAOCHEP_DUPLICATE_ID when its id is stored. */
  async add(sketched: SketchedDocument, fn: string): Promise<void> {
    if ((await this.addMany([sketched], fn)).length > 0)
      throw duplicateIdError(sketched.stored.id, fn);
  }

  /**
   * Add many, a script per {@link SCRIPT_BATCH} documents, all of them in one
   * pipeline, then their posting lists, a script per shard; the ids refused
   * as duplicates (stored already, or given twice), in order. A batch with a
   * stored id writes nothing and is sent again without it (another writer
   * may have added it meanwhile: Redis decides). Resolves once every added
   * document is in its posting lists.
   */
  async addMany(batch: readonly SketchedDocument[], fn: string): Promise<string[]> {
    const refused = new Set<number>();
    const seen = new Set<string>();
    for (const [k, sketched] of batch.entries()) {
      if (seen.has(sketched.stored.id)) refused.add(k);
      seen.add(sketched.stored.id);
    }
    let pending: number[][] = [];
    const open = [...batch.keys()].filter((k) => !refused.has(k));
    let chunk: number[] = [];
    for (const k of open) {
      chunk.push(k);
      if (chunk.length === SCRIPT_BATCH) {
        pending.push(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) pending.push(chunk);
    const postings = new ShardedPostings(this.keys);
    const added: number[] = [];
    while (pending.length > 0) {
      const pipeline = this.client.pipeline();
      for (const docs of pending) {
        const [numKeys, ...args] = this.addBatchCall(docs.map((k) => batch[k]));
        // One array (ioredis flattens it): a batch sends thousands of arguments.
        void scripts(pipeline).saochepAddBatch(numKeys as number, args);
      }
      const replies = (await pipeline.exec()) ?? [];
      const again: number[][] = [];
      replies.forEach(([error, reply], b) => {
        if (error) throw error;
        const [status, ...rest] = reply as number[];
        if (status === DROPPED) throw this.droppedError(fn);
        if (status === 0) {
          pending[b].forEach((k, i) => {
            const { stored } = batch[k];
            postings.add(stored, rest[i] * 32 + this.sketcher.anchorBits(stored.size));
            added.push(rest[i]);
          });
          return;
        }
        const out = new Set(rest.map((k) => pending[b][k - 1]));
        for (const k of out) refused.add(k);
        const left = pending[b].filter((k) => !out.has(k));
        if (left.length > 0) again.push(left);
      });
      pending = again;
    }
    await this.writePostings(postings, added);
    return [...refused].sort((a, b) => a - b).map((k) => batch[k].stored.id);
  }

  /** Write posting lists, a script per shard at once, then take the documents out of pending. */
  private async writePostings(postings: ShardedPostings, added: readonly number[]): Promise<void> {
    if (added.length === 0) return;
    await Promise.all(
      postings
        .shards()
        .map(({ names, members }) =>
          scripts(this.client).saochepPostingsAdd(names.length, [
            ...names,
            ...members.map(packU32),
          ]),
        ),
    );
    for (let k = 0; k < added.length; k += 4000)
      await this.client.srem(this.keys.pending, ...added.slice(k, k + 4000));
  }

  /** The keys and arguments of the batch add script (see ADD_BATCH_SCRIPT). */
  private addBatchCall(batch: readonly SketchedDocument[]): Arg[] {
    const fixed = this.keys.fixed();
    const perDocument: Arg[] = [];
    for (const { stored, shingleSet } of batch) {
      const text = stored.text;
      perDocument.push(
        stored.id,
        encodeRecord(stored),
        // deflateRaw: Node's own zlib, fast both ways, about a third of the UTF-8 size on Vietnamese text.
        text === undefined ? '' : deflateRawSync(Buffer.from(text, 'utf8')),
        text === undefined ? '0' : '1',
        this.sketcher.anchorBits(stored.size),
        packU32(stored.titleShingles),
        stored.reference ? packU32(shingleSet) : '',
        stored.reference ? '1' : '0',
      );
    }
    return [fixed.length, ...fixed, batch.length, ...perDocument, packU32(counterCounts(batch))];
  }

  /**
   * Remove a document; false when the id is not stored. As in memory,
   * stock-phrase counts are corrected from its text when it has one.
   * Resolves once its member is out of its posting lists.
   */
  async remove(id: string): Promise<boolean> {
    const { keys } = this;
    for (let attempt = 0; attempt < REMOVE_ATTEMPTS; attempt++) {
      const d = await this.client.hget(keys.ids, id);
      if (d === null) return false;
      const [recordBytes] = await this.client.hmgetBuffer(keys.records, d);
      if (!recordBytes) continue;
      const record = decodeRecord(recordBytes);
      const text = (await this.texts([Number(d)]))[0];
      const set = text === undefined ? EMPTY : countedSet(this.sketcher.read(text));
      const fixed = keys.fixed();
      const done = await scripts(this.client).saochepRemove(
        fixed.length,
        ...fixed,
        id,
        d,
        packU32(record.titleShingles),
        record.reference && text !== undefined ? packU32(set) : '',
        record.reference ? '1' : '0',
        this.sketcher.anchorBits(record.size),
        ...countersOf(set),
      );
      if (done < 0) continue;
      if (done === 1) await this.unpost(Number(d), record);
      return done === 1;
    }
    throw new Error(`document "${id}" kept changing while it was being removed`);
  }

  /** Take a removed document out of its posting lists, then out of `removing`. */
  private async unpost(d: number, record: DocumentRecord): Promise<void> {
    const postings = new ShardedPostings(this.keys);
    const member = d * 32 + this.sketcher.anchorBits(record.size);
    postings.add(record, member);
    await Promise.all(
      postings
        .shards()
        .map(({ names }) =>
          scripts(this.client).saochepPostingsRemove(names.length, [...names, member]),
        ),
    );
    await this.client.hdel(this.keys.removing, String(d));
  }

  /**
   * Finish what writers that died left half done: posting lists of documents
   * still pending are written (adding a member twice changes nothing), and
   * removed documents still listed are taken out. Any process may run it at
   * any time, beside live writers. Resolves to the documents finished.
   */
  async repair(): Promise<number> {
    const { keys } = this;
    const [pending, removing] = await Promise.all([
      this.client.smembers(keys.pending),
      this.client.hgetallBuffer(keys.removing),
    ]);
    let finished = 0;
    if (pending.length > 0) {
      const records = await this.client.hmgetBuffer(keys.records, ...pending);
      const postings = new ShardedPostings(this.keys);
      pending.forEach((d, k) => {
        const bytes = records[k];
        if (!bytes) return;
        const record = decodeRecord(bytes);
        postings.add(record, Number(d) * 32 + this.sketcher.anchorBits(record.size));
      });
      await this.writePostings(postings, pending.map(Number));
      finished += pending.length;
    }
    for (const [d, bytes] of Object.entries(removing)) {
      await this.unpost(Number(d), decodeRecord(bytes));
      finished++;
    }
    return finished;
  }

  /** Reference documents in the archive. */
  async references(): Promise<number> {
    return Number((await this.client.hget(this.keys.state, 'references')) ?? 0);
  }
}

/** Posting list members to write, grouped by shard and list. */
class ShardedPostings {
  private readonly lists = new Map<number, Map<string, number[]>>();

  constructor(private readonly keys: ArchiveKeys) {}

  /** Every posting list of a document, with its member. */
  add(doc: Pick<DocumentRecord, 'bandKeys' | 'anchors' | 'reference'>, member: number): void {
    const { keys } = this;
    for (const k of doc.bandKeys) this.list(k, keys.band(k)).push(member);
    for (const k of doc.anchors)
      this.list(k, doc.reference ? keys.referenceAnchor(k) : keys.anchor(k)).push(member);
  }

  private list(key: number, name: string): number[] {
    const s = shardOf(key);
    let shard = this.lists.get(s);
    if (shard === undefined) this.lists.set(s, (shard = new Map()));
    let list = shard.get(name);
    if (list === undefined) shard.set(name, (list = []));
    return list;
  }

  /** Per shard, its lists' names and their members, in the order they were first met. */
  shards(): Array<{ names: string[]; members: number[][] }> {
    return [...this.lists.values()].map((shard) => ({
      names: [...shard.keys()],
      members: [...shard.values()],
    }));
  }
}
