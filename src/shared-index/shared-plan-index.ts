/**
 * SharedPlanIndex: one archive index in Redis that many processes and
 * machines add to and check against at once, and that outlives them. The
 * same methods as PlanIndex, as Promises, and the same answers: a check runs
 * the same stages (runCheckAsync) against the Redis store.
 */
import { randomInt } from 'node:crypto';
import { assertText, describeValue, SaochepTypeError } from '../errors.js';
import { ContextPool } from '../plan-index/check/check-context.js';
import { runCheckAsync } from '../plan-index/check/run-check.js';
import type { PlanIndexOptions, ResolvedIndexOptions } from '../plan-index/options.js';
import { Sketcher } from '../plan-index/sketcher.js';
import type {
  CheckInput,
  CheckOptions,
  CheckResult,
  PlanDoc,
  SketchedDocument,
} from '../plan-index/types.js';
import { checkDocument, checkSketched, duplicateIdError } from '../plan-index/validate.js';
import { agreedOptions, givenIndexOptions, storedOptionsJson } from './archive-options.js';
import { type ConnectionOptions, type RedisTarget, connectRedis } from './connection.js';
import { ArchiveKeys } from './keys.js';
import { type RedisClient, RedisStore, defineScripts } from './redis-store.js';
import { OPEN_SCRIPT } from './scripts.js';
import { guarded } from './store-error.js';

export type { RedisTarget, ConnectionOptions } from './connection.js';

/** Options of {@link SharedPlanIndex.connect}: the archive's name, the index options, how to talk to Redis. */
export interface SharedIndexOptions extends PlanIndexOptions, ConnectionOptions {
  /**
   * The archive's name: every process that gives the same name shares one
   * archive. Default `'saochep'` (or the URL's `?name=`).
   */
  name?: string;
}

/** What the archive holds of a document apart from its text (see {@link SharedPlanIndex.info}). */
export interface SharedDocumentInfo {
  id: string;
  meta: Record<string, unknown> | undefined;
  reference: boolean;
  /** Day number (days since 1970-01-01), as PlanIndex stores it; null when undated. */
  date: number | null;
}

/** Documents sketched and sent to Redis per pipeline in {@link SharedPlanIndex.addAll}. */
const ADD_BATCH = 256;

const NAME = /^[\w.-]{1,100}$/;

export class SharedPlanIndex {
  private readonly contexts = new ContextPool();
  private closed = false;

  private constructor(
    private readonly client: RedisClient,
    private readonly keys: ArchiveKeys,
    private readonly sketcher: Sketcher,
    private readonly store: RedisStore,
  ) {
    // A connection that came back may have cut this process's own writes short (an add whose
    // posting lists were not all sent): finish them, as the next connect would.
    client.on('ready', () => {
      if (!this.closed) this.store.repair().catch(() => undefined);
    });
  }

  /**
   * Connect to the archive `options.name` in Redis, creating it with the
   * given index options when it does not exist. Refused with
   * ERR_SAOCHEP_INDEX_INCOMPATIBLE when it exists with other options;
   * ERR_SAOCHEP_STORE_UNAVAILABLE when Redis cannot be reached. The index
   * options may also be a PlanIndex's `options` (to share its signatures).
   */
  static async connect(
    target: RedisTarget,
    options?:
      | SharedIndexOptions
      | (ResolvedIndexOptions & Omit<SharedIndexOptions, keyof PlanIndexOptions>),
  ): Promise<SharedPlanIndex> {
    const fn = 'SharedPlanIndex.connect';
    const given = givenIndexOptions(options as Record<string, unknown> | undefined);
    // Checked before connecting: bad options are the caller's to fix, whatever Redis says.
    const json = storedOptionsJson(given);
    const { client, name: urlName } = await connectRedis(target, options ?? {}, fn);
    try {
      const name = options?.name ?? urlName ?? 'saochep';
      if (typeof name !== 'string' || !NAME.test(name)) {
        throw new SaochepTypeError(
          'ERR_SAOCHEP_INVALID_OPTION',
          `${fn}: option name must be 1 to 100 letters, digits, '_', '-' or '.', got ${JSON.stringify(name)}.`,
        );
      }
      const keys = new ArchiveKeys(name);
      defineScripts(client);
      const stored = await guarded(fn, async () => {
        const reply = await client.eval(
          OPEN_SCRIPT,
          2,
          keys.options,
          keys.state,
          json,
          randomInt(1, 2 ** 31),
        );
        return String(reply);
      });
      const resolved = agreedOptions(stored, given, name, fn);
      const sketcher = new Sketcher(resolved);
      const store = new RedisStore(
        client,
        keys,
        sketcher,
        (options as SharedIndexOptions | undefined)?.loadText,
      );
      // Posting lists a writer that died left unwritten (or removed documents still listed).
      await guarded(fn, () => store.repair());
      return new SharedPlanIndex(client, keys, sketcher, store);
    } catch (error) {
      client.disconnect();
      throw error;
    }
  }

  /** The archive's index options (stored with it), defaults filled in. */
  get options(): Readonly<ResolvedIndexOptions> {
    return this.sketcher.options;
  }

  /** The archive's name. */
  get name(): string {
    return this.keys.name;
  }

  /** Documents in the archive, references included. */
  size(): Promise<number> {
    return this.call('SharedPlanIndex.size', () => this.store.size());
  }

  /** Reference documents in the archive (added with addReference). */
  references(): Promise<number> {
    return this.call('SharedPlanIndex.references', () => this.store.references());
  }

  /** True when a document with this id is in the archive. */
  has(id: string): Promise<boolean> {
    return this.call('SharedPlanIndex.has', async () => {
      assertText('SharedPlanIndex.has', id, 'id');
      return this.store.has(id);
    });
  }

  /**
   * Add a plan; ERR_SAOCHEP_DUPLICATE_ID when the id is in the archive
   * (whoever added it). Resolves to what was stored, as {@link info} gives it.
   */
  add(doc: PlanDoc): Promise<SharedDocumentInfo> {
    return this.addDocument(doc, false, 'SharedPlanIndex.add');
  }

  /** Add a reference document (a directive, a template): see PlanIndex.addReference. */
  addReference(doc: PlanDoc): Promise<SharedDocumentInfo> {
    return this.addDocument(doc, true, 'SharedPlanIndex.addReference');
  }

  private addDocument(doc: PlanDoc, reference: boolean, fn: string): Promise<SharedDocumentInfo> {
    return this.call(fn, async () => {
      checkDocument(doc, fn);
      const sketched = this.sketcher.sketch(doc, reference, fn);
      await this.store.add(sketched, fn);
      const { id, meta, date } = sketched.stored;
      return { id, meta, reference, date };
    });
  }

  /**
   * Add many plans, a few hundred per pipelined round trip. Every document
   * with a new id is added; when some ids were in the archive already, throws
   * ERR_SAOCHEP_DUPLICATE_ID for the first of them once the rest are in.
   */
  addAll(docs: Iterable<PlanDoc>): Promise<void> {
    const fn = 'SharedPlanIndex.addAll';
    return this.call(fn, async () => {
      const duplicates: string[] = [];
      let batch: SketchedDocument[] = [];
      const send = async () => {
        duplicates.push(...(await this.store.addMany(batch, fn)));
        batch = [];
      };
      for (const doc of docs) {
        checkDocument(doc, fn);
        batch.push(this.sketcher.sketch(doc, false, fn));
        if (batch.length === ADD_BATCH) await send();
      }
      if (batch.length > 0) await send();
      if (duplicates.length > 0) {
        const error = duplicateIdError(duplicates[0], fn);
        if (duplicates.length > 1)
          error.message += ` (${duplicates.length} ids in all were in the archive; the other documents were added)`;
        throw error;
      }
    });
  }

  /**
   * Add documents sketched with the archive's options (by
   * `new PlanIndex(shared.options).sketch(doc)`, here or in worker threads),
   * a few hundred per pipelined round trip. Ids already in the archive are
   * left as they are and returned, in order; the others are added. Throws
   * ERR_SAOCHEP_INDEX_INCOMPATIBLE, before anything is sent, for a sketch
   * made with other options.
   */
  addSketched(sketches: readonly SketchedDocument[]): Promise<string[]> {
    const fn = 'SharedPlanIndex.addSketched';
    return this.call(fn, async () => {
      if (!Array.isArray(sketches))
        throw new SaochepTypeError(
          'ERR_SAOCHEP_INVALID_ARGUMENT',
          `${fn}: expected an array of sketched documents, got ${describeValue(sketches)}.`,
        );
      for (const sketched of sketches) checkSketched(sketched, this.sketcher.optionsKey, fn);
      const existing: string[] = [];
      for (let k = 0; k < sketches.length; k += ADD_BATCH)
        existing.push(...(await this.store.addMany(sketches.slice(k, k + ADD_BATCH), fn)));
      return existing;
    });
  }

  /** Remove a document; false when the id is not in the archive. */
  remove(id: string): Promise<boolean> {
    return this.call('SharedPlanIndex.remove', async () => {
      assertText('SharedPlanIndex.remove', id, 'id');
      return this.store.remove(id);
    });
  }

  /**
   * What the archive holds of a document apart from its text: its id, meta,
   * reference flag and date (days, as PlanIndex stores it); undefined when the
   * id is not in the archive.
   */
  info(id: string): Promise<SharedDocumentInfo | undefined> {
    return this.call('SharedPlanIndex.info', async () => {
      assertText('SharedPlanIndex.info', id, 'id');
      const record = await this.store.record(id);
      if (!record) return undefined;
      const { meta, reference, date } = record;
      return { id: record.id, meta, reference, date };
    });
  }

  /** Whether the connection to Redis is up now (a command sent would be answered). */
  get connected(): boolean {
    return this.client.status === 'ready';
  }

  /** The text of a document in the archive, as given to add (stored, or through loadText). */
  text(id: string): Promise<string | undefined> {
    return this.call('SharedPlanIndex.text', async () => {
      assertText('SharedPlanIndex.text', id, 'id');
      return this.store.text(id);
    });
  }

  /** How much of a plan is already in the archive: the CheckResult PlanIndex.check gives for the same documents. */
  check(input: CheckInput, options?: CheckOptions): Promise<CheckResult> {
    const fn = 'SharedPlanIndex.check';
    return this.call(fn, async () => {
      const context = this.contexts.acquire();
      try {
        return await runCheckAsync(this.store, this.sketcher, context, input, options, fn);
      } finally {
        this.contexts.release(context);
      }
    });
  }

  /** Close the connection (the archive stays in Redis). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.quit().catch(() => this.client.disconnect());
  }

  /** Delete the archive from Redis, every key of it, then close. Other processes' connections to it see an empty archive. */
  async drop(): Promise<void> {
    await this.call('SharedPlanIndex.drop', async () => {
      const nodes = 'nodes' in this.client ? this.client.nodes('master') : [this.client];
      for (const node of nodes) {
        for (const pattern of this.keys.patterns()) {
          let cursor = '0';
          do {
            const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
            cursor = next;
            // One key per command: a node holds several of the archive's slots.
            if (found.length > 0) {
              const pipeline = node.pipeline();
              for (const key of found) pipeline.unlink(key);
              await pipeline.exec();
            }
          } while (cursor !== '0');
        }
      }
    });
    await this.close();
  }

  private call<T>(fn: string, work: () => Promise<T>): Promise<T> {
    if (this.closed) {
      return Promise.reject(
        new SaochepTypeError(
          'ERR_SAOCHEP_INVALID_ARGUMENT',
          `${fn}: this SharedPlanIndex is closed. Connect again with SharedPlanIndex.connect.`,
        ),
      );
    }
    return guarded(fn, work);
  }
}
