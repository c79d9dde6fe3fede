/**
 * The string forms of a Redis archive, as the CLI and `saochep serve` take
 * them: `redis://[user:password@]HOST:PORT[/DB][?name=ARCHIVE]` for one
 * server, and `redis+cluster://[user:password@]HOST:PORT,HOST:PORT…[?name=ARCHIVE]`
 * for a Redis Cluster (any of its nodes: the rest are discovered).
 */
import { SaochepTypeError } from '../errors.js';

/** What a Redis URL names. */
export interface ParsedRedisUrl {
  /** One server's URL for ioredis (no query), or a cluster's nodes. */
  server: { url: string } | { cluster: Array<{ host: string; port: number }> };
  /** The cluster's user and password (one server's are in its URL). */
  username?: string;
  password?: string;
  /** The archive's name, from `?name=`. */
  name: string | undefined;
}

const SCHEME = /^(rediss?|redis\+cluster):\/\//i;

/** True when `spec` is a Redis URL (one server or a cluster), not a file path. */
export function isRedisUrl(spec: string): boolean {
  return SCHEME.test(spec);
}

/** The URL with its user and password (if any) replaced by "…", for messages and reports. */
export function maskPassword(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//…@');
}

/** A node as HOST:PORT (IPv6 in brackets), or an error that says how to write it. */
export function hostPort(node: string, fn: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(node.trim().replace(/^redis:\/\//, ''));
  if (!m || Number(m[2]) > 65535) {
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `${fn}: cluster node "${node}" is not HOST:PORT. Give each node as "127.0.0.1:7000".`,
    );
  }
  return { host: m[1], port: Number(m[2]) };
}

function notRedis(url: string, fn: string): SaochepTypeError {
  return new SaochepTypeError(
    'ERR_SAOCHEP_INVALID_ARGUMENT',
    `${fn}: "${maskPassword(url)}" is not a Redis URL. Give redis://[user:password@]HOST:PORT[/DB], ` +
      'e.g. redis://127.0.0.1:6379, or redis+cluster://HOST:PORT,HOST:PORT for a Redis Cluster.',
  );
}

/** Read a Redis URL; `?name=` is split off (ioredis would take a query as its options). */
export function parseRedisUrl(url: string, fn: string): ParsedRedisUrl {
  if (/^redis\+cluster:\/\//i.test(url)) return parseClusterUrl(url, fn);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw notRedis(url, fn);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw notRedis(url, fn);
  const name = parsed.searchParams.get('name') ?? undefined;
  parsed.search = '';
  return { server: { url: parsed.toString() }, name };
}

function parseClusterUrl(url: string, fn: string): ParsedRedisUrl {
  const rest = url.slice('redis+cluster://'.length);
  const query = rest.indexOf('?');
  const authority = query < 0 ? rest : rest.slice(0, query);
  const params = new URLSearchParams(query < 0 ? '' : rest.slice(query + 1));
  const at = authority.lastIndexOf('@');
  const credentials = at < 0 ? '' : authority.slice(0, at);
  const nodes = (at < 0 ? authority : authority.slice(at + 1)).replace(/\/+$/, '');
  if (nodes === '') throw notRedis(url, fn);
  const colon = credentials.indexOf(':');
  const username = decodeURIComponent(colon < 0 ? credentials : credentials.slice(0, colon));
  const password = colon < 0 ? '' : decodeURIComponent(credentials.slice(colon + 1));
  return {
    server: { cluster: nodes.split(',').map((node) => hostPort(node, fn)) },
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    name: params.get('name') ?? undefined,
  };
}
