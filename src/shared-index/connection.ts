/**
 * Connecting to Redis: a URL or a cluster's nodes to an ioredis client,
 * loaded only here, when a shared index connects (so `import 'saochep'` never
 * loads ioredis), set to fail a command fast (a typed error) while the
 * server is away and to reconnect by itself when it is back.
 */
import type { Cluster, Redis, RedisOptions } from 'ioredis';
import { SaochepTypeError } from '../errors.js';
import { hostPort, parseRedisUrl } from './redis-url.js';
import { storeError } from './store-error.js';

/**
 * Where the archive is: `redis://[user:password@]HOST:PORT[/DB][?name=ARCHIVE]`,
 * `redis+cluster://[user:password@]HOST:PORT,HOST:PORT…[?name=ARCHIVE]`, or a
 * Redis Cluster's nodes.
 */
export type RedisTarget = string | { cluster: readonly string[] };

/** How the client behaves when Redis is slow or away. */
export interface ConnectionOptions {
  /** Milliseconds to wait for a connection. Default 5000. */
  connectTimeout?: number;
  /** Milliseconds a command may take before it fails. Default 30000. */
  commandTimeout?: number;
}

/** A connected client, and the archive name the URL gave (`?name=`), if any. */
export interface Connected {
  client: Redis | Cluster;
  name: string | undefined;
}

/** Connect, or throw ERR_SAOCHEP_STORE_UNAVAILABLE when Redis cannot be reached. */
export async function connectRedis(
  target: RedisTarget,
  options: ConnectionOptions,
  fn: string,
): Promise<Connected> {
  const common: RedisOptions = {
    lazyConnect: true,
    connectTimeout: options.connectTimeout ?? 5000,
    commandTimeout: options.commandTimeout ?? 30_000,
    // A command waits through two reconnection attempts at most, then fails with a typed error.
    maxRetriesPerRequest: 2,
    retryStrategy: (times) => Math.min(times * 100, 1000),
  };
  const { Redis, Cluster } = await import('ioredis');
  let client: Redis | Cluster;
  let name: string | undefined;
  const cluster = (
    nodes: Array<{ host: string; port: number }>,
    credentials: { username?: string; password?: string } = {},
  ) =>
    new Cluster(nodes, {
      lazyConnect: true,
      redisOptions: { ...common, ...credentials },
      clusterRetryStrategy: common.retryStrategy,
    });
  if (typeof target === 'string') {
    const { server, name: urlName, ...credentials } = parseRedisUrl(target, fn);
    name = urlName;
    client = 'url' in server ? new Redis(server.url, common) : cluster(server.cluster, credentials);
  } else if (
    typeof target === 'object' &&
    target !== null &&
    Array.isArray(target.cluster) &&
    target.cluster.length > 0
  ) {
    client = cluster(target.cluster.map((node) => hostPort(String(node), fn)));
  } else {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `${fn}: give a Redis URL (redis://127.0.0.1:6379) or { cluster: ['127.0.0.1:7000', …] }.`,
    );
  }
  // Errors reach the caller through the commands; without a listener ioredis would print each.
  let lastError: unknown;
  client.on('error', (error) => (lastError = error));
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    // The socket's own error (ECONNREFUSED…) says more than "Connection is closed".
    throw storeError(lastError ?? error, fn);
  }
  return { client, name };
}
