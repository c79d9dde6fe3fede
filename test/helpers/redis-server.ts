/**
 * Redis servers for tests: Debian's redis-server on a free loopback port,
 * with AOF on and fsync at every write, in a temporary folder of its own;
 * stopped (or killed) by the test. Tests skip with a message when
 * redis-server is not installed.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';

/** The redis-server binary, or undefined when it is not installed. */
export const REDIS_SERVER: string | undefined = (() => {
  for (const path of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    try {
      execFileSync(path, ['--version'], { stdio: 'ignore' });
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
})();

/** Why Redis tests are skipped, for the log. */
export const NO_REDIS =
  'redis-server not found: the Redis tests are skipped (apt-get install redis-server; .ci/run does).';

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A running redis-server. */
export class TestRedis {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly extra: string[],
  ) {}

  /** Start a server on a free port, in a fresh folder (`extra`: more redis-server arguments). */
  static async start(extra: string[] = []): Promise<TestRedis> {
    const server = new TestRedis(
      await freePort(),
      mkdtempSync(join(tmpdir(), 'saochep-redis-')),
      extra,
    );
    await server.restart();
    return server;
  }

  /** redis://127.0.0.1:PORT */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Start it again (after {@link kill}), on the same port and folder: it reads its AOF. */
  async restart(): Promise<void> {
    if (!REDIS_SERVER) throw new Error(NO_REDIS);
    this.process = spawn(
      REDIS_SERVER,
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--dir',
        this.dir,
        ...this.extra,
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 200; i++) {
      if (await accepts(this.port)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** kill -9: no shutdown, no final write; what survives is what AOF had on disk. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stop and remove its folder. */
  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A Redis Cluster of `masters` servers on loopback ports, no replicas, its slots spread over them. */
export class TestCluster {
  private constructor(readonly servers: TestRedis[]) {}

  static async start(masters = 3): Promise<TestCluster> {
    const servers: TestRedis[] = [];
    for (let i = 0; i < masters; i++)
      servers.push(
        await TestRedis.start(['--cluster-enabled', 'yes', '--cluster-node-timeout', '2000']),
      );
    const cluster = new TestCluster(servers);
    execFileSync(
      'redis-cli',
      ['--cluster', 'create', ...cluster.nodes, '--cluster-replicas', '0', '--cluster-yes'],
      { stdio: 'ignore' },
    );
    // Wait until every node sees every slot served.
    for (const server of servers) {
      for (let i = 0; ; i++) {
        const info = execFileSync('redis-cli', ['-p', String(server.port), 'cluster', 'info'], {
          encoding: 'utf8',
        });
        if (info.includes('cluster_state:ok')) break;
        if (i > 200) throw new Error('the test cluster did not come up');
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    return cluster;
  }

  /** HOST:PORT of each node. */
  get nodes(): string[] {
    return this.servers.map((s) => `127.0.0.1:${s.port}`);
  }

  async stop(): Promise<void> {
    for (const server of this.servers) await server.stop();
  }
}

/** Every key of one server (or cluster node) that matches `pattern`, by SCAN. */
export async function keysOf(node: Redis, pattern: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    out.push(...found);
    cursor = next;
  } while (cursor !== '0');
  return out;
}
