/**
 * A shared archive in Redis (SharedPlanIndex) behind the ServedIndex
 * interface: several `saochep serve` processes, on one machine or many, serve
 * one archive. Every write is in Redis when it is acknowledged; how durable
 * that is depends on Redis's own persistence (AOF, appendfsync), not on a log
 * of ours.
 */
import type { CheckOptions, CheckResult, PlanDoc } from '../plan-index/plan-index.js';
import { maskPassword } from '../shared-index/redis-url.js';
import { SharedPlanIndex } from '../shared-index/shared-plan-index.js';
import { optionsAsJson } from '../plan-index/options.js';
import { infoOfStored } from './plan-index-adapter.js';
import type { PlanInfo, ServedIndex, ServedIndexStats } from './served-index.js';

/** A SharedPlanIndex served: connects in the background (see {@link RedisServedIndex.ready}). */
export class RedisServedIndex implements ServedIndex {
  private readonly connecting: Promise<SharedPlanIndex>;
  private index: SharedPlanIndex | undefined;

  /**
   * Connect to the archive the URL names (`redis://host:port[/db]?name=archive`);
   * `onEvent` hears when it is ready (the URL's password masked).
   */
  constructor(url: string, onEvent: (message: string) => void = () => undefined) {
    this.connecting = SharedPlanIndex.connect(url).then(async (index) => {
      this.index = index;
      onEvent(
        `${maskPassword(url)} (archive "${index.name}"): ${await index.size()} documents ready`,
      );
      return index;
    });
    this.connecting.catch(() => undefined);
  }

  ready(): Promise<void> {
    return this.connecting.then(() => undefined);
  }

  /** Connected once, and the connection to Redis up now. */
  isReady(): boolean {
    return this.index?.connected === true;
  }

  async add(doc: PlanDoc): Promise<PlanInfo> {
    return infoOfStored(await (await this.connecting).add(doc));
  }

  async addReference(doc: PlanDoc): Promise<PlanInfo> {
    return infoOfStored(await (await this.connecting).addReference(doc));
  }

  async remove(id: string): Promise<boolean> {
    return (await this.connecting).remove(id);
  }

  async has(id: string): Promise<boolean> {
    return (await this.connecting).has(id);
  }

  async get(id: string): Promise<PlanInfo | undefined> {
    const info = await (await this.connecting).info(id);
    return info && infoOfStored(info);
  }

  async size(): Promise<number> {
    return (await this.connecting).size();
  }

  async check(
    input: { text: string; meta?: Record<string, unknown> },
    options?: CheckOptions,
  ): Promise<CheckResult> {
    return (await this.connecting).check(input, options);
  }

  /**
   * Counts from Redis. indexBytes and textBytes are 0 (Redis's memory is Redis's to report:
   * INFO memory), unsavedWrites 0 and lastSnapshot null (Redis persists).
   */
  async stats(): Promise<ServedIndexStats> {
    const index = await this.connecting;
    return {
      store: 'redis',
      archive: index.name,
      documents: await index.size(),
      references: await index.references(),
      unsavedWrites: 0,
      lastSnapshot: null,
      indexBytes: 0,
      textBytes: 0,
      options: optionsAsJson(index.options),
    };
  }

  async close(): Promise<void> {
    const index = await this.connecting.catch(() => undefined);
    await index?.close();
  }
}
