/**
 * `saochep serve`: the index opened, the app listening, and a clean stop on
 * SIGTERM or SIGINT: no new requests, the ones in flight finished, the log
 * folded into a snapshot, exit 0.
 */
import type { FastifyInstance } from 'fastify';
import { readTokenFile } from './auth.js';
import { type AppOptions, buildApp } from './app.js';
import { openServedIndex } from './open-index.js';
import type { ServedIndex } from './served-index.js';

/** Options of {@link startServer}. */
export interface ServeOptions extends Omit<AppOptions, 'index' | 'token'> {
  /** A saved index file, or redis://… (not supported yet). */
  index: string;
  /** Default 127.0.0.1: only this machine. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** A file whose first line is the bearer token. */
  tokenFile?: string;
  /** Milliseconds between snapshots while writes wait in the log (default 5 minutes). */
  snapshotInterval?: number;
  /** With a saved index: worker threads that check, each with a replica of the index (default 0: this thread checks). */
  checkThreads?: number;
  /** Told what the server does (listening, loaded, snapshots, failures). */
  onEvent?: (message: string) => void;
}

/** A running server. */
export interface RunningServer {
  /** http://host:port */
  url: string;
  app: FastifyInstance;
  index: ServedIndex;
  /** Stop accepting, finish the requests in flight, save, release the index. */
  close(): Promise<void>;
}

/** Default port. */
export const DEFAULT_PORT = 8080;
/** Default host: loopback only. */
export const DEFAULT_HOST = '127.0.0.1';

/** Start the server: it listens at once; the index loads meanwhile (/v1/ready says when). */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const onEvent = options.onEvent ?? (() => undefined);
  const token = options.tokenFile ? await readTokenFile(options.tokenFile) : undefined;
  const index = openServedIndex(options.index, {
    onEvent,
    ...(options.snapshotInterval !== undefined
      ? { snapshotInterval: options.snapshotInterval }
      : {}),
    ...(options.checkThreads !== undefined ? { checkThreads: options.checkThreads } : {}),
  });
  index
    .ready()
    .catch((error: unknown) => onEvent(`the index cannot be served: ${(error as Error).message}`));
  const app = await buildApp({
    ...options,
    index,
    ...(token ? { token } : {}),
    onError:
      options.onError ??
      ((error) => onEvent(`request failed: ${(error as Error)?.stack ?? String(error)}`)),
  });
  const host = options.host ?? DEFAULT_HOST;
  try {
    await app.listen({ host, port: options.port ?? DEFAULT_PORT });
  } catch (error) {
    await index.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    app,
    index,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await index.close();
      })()),
  };
}
