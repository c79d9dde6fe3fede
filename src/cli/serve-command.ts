/**
 * saochep serve: the HTTP service, run until SIGTERM or SIGINT, which stop it
 * cleanly (requests in flight finished, the log folded into the saved index)
 * with exit code 0. An index that cannot be loaded exits 2. The server's code and its framework load only here.
 */
import { isIP } from 'node:net';
import { isRedisUrl } from '../shared-index/redis-url.js';
import type { CommandIo } from './commands.js';
import { numberOption } from './index-options.js';
import { stopExitingOnSignals } from './interrupt.js';
import { UsageError } from './usage.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** saochep serve. */
export async function serveCommand(
  positionals: string[],
  values: Record<string, string | boolean | undefined>,
  io: CommandIo,
): Promise<number> {
  if (positionals.length > 0)
    throw new UsageError(
      `serve takes no file, got "${positionals[0]}": name the index with --index.`,
    );
  const index = values.index as string | undefined;
  if (!index)
    throw new UsageError(
      'serve needs --index <saved.idx> (build one with saochep index) or --index redis://host:port?name=archive.',
    );
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  if (host !== 'localhost' && isIP(host) === 0)
    throw new UsageError(
      `--host must be an IP address (127.0.0.1, 0.0.0.0, ::1) or localhost, got "${host}".`,
    );
  const port = numberOption(values.port, 'port', 0, 65535, true) ?? 8080;
  const bodyLimitMb = numberOption(values['body-limit'], 'body-limit', 0.001, 1024, false) ?? 20;
  const timeLimit = numberOption(values['time-limit'], 'time-limit', 0.1, 3600, false) ?? 30;
  const snapshotInterval =
    numberOption(values['snapshot-interval'], 'snapshot-interval', 1, 86_400, false) ?? 300;
  const jobs = numberOption(values.jobs, 'jobs', 1, 256, true) ?? 1;
  const tokenFile = values['token-file'] as string | undefined;
  const allowUnauthenticatedWrites = values['allow-unauthenticated-writes'] === true;
  if (tokenFile && allowUnauthenticatedWrites)
    throw new UsageError(
      '--allow-unauthenticated-writes is for a server without --token-file: give one of them.',
    );

  const say = (message: string) => io.stderr.write(`saochep serve: ${message}\n`);
  if (jobs >= 2 && isRedisUrl(index))
    say(
      '--jobs applies to a saved index: on Redis the server checks in its own thread (run several serve processes to use more cores).',
    );
  const { startServer } = await import('../server/serve.js');
  stopExitingOnSignals();
  let server;
  try {
    server = await startServer({
      index,
      host,
      port,
      ...(tokenFile ? { tokenFile } : {}),
      allowUnauthenticatedWrites,
      bodyLimit: Math.round(bodyLimitMb * 1024 * 1024),
      timeLimit: Math.round(timeLimit * 1000),
      snapshotInterval: Math.round(snapshotInterval * 1000),
      checkThreads: jobs >= 2 ? jobs : 0,
      onEvent: say,
    });
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === 'ERR_SAOCHEP_INVALID_OPTION') throw new UsageError(e.message ?? String(error));
    throw error;
  }
  if (!LOOPBACK.has(host) && !tokenFile)
    say(
      `warning: listening on ${host} without --token-file: anyone who reaches this address can check plans.`,
    );
  say(
    `listening on ${server.url} (writes ${tokenFile ? 'need the token' : allowUnauthenticatedWrites ? 'open to anyone who reaches it' : 'disabled: no --token-file'})`,
  );
  const running = server;
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      say(`${signal}: finishing the requests in flight and saving the index`);
      running.close().then(
        () => {
          say('stopped');
          resolve(0);
        },
        (error: unknown) => {
          say(
            `could not save the index (the log beside it keeps the writes): ${(error as Error).message}`,
          );
          resolve(3);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    // A saved index that cannot be loaded (damaged, another version) is not served: exit 2, as check does.
    running.index.ready().catch(() => {
      process.removeListener('SIGTERM', stop);
      process.removeListener('SIGINT', stop);
      void running.close().finally(() => resolve(2));
    });
  });
}
