/**
 * The saochep command with a shared archive in Redis wherever it takes an
 * index: `index --out redis://…` (from a folder, and migrating a saved
 * .idx), `check --index redis://…` and `scan --index redis://…`. The truth
 * is the same command on a saved index file: the same JSON, byte for byte
 * (but for the index's name in a scan report). And the failures people meet:
 * other index options, a Redis that is not there, an index that keeps no
 * texts. Each test uses its own archive name on one server started here.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanIndex, SharedPlanIndex } from '../../src/index.js';
import {
  NO_REDIS,
  REDIS_SERVER,
  TestCluster,
  TestRedis,
  freePort,
} from '../helpers/redis-server.js';
import { CLI, SAMPLE } from '../helpers/paths.js';

const DIRECTIVES = join(SAMPLE, 'directives');

/** Run the built CLI without blocking (the test's own Redis client stays served). */
function saochep(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** The report without the one field that names the index. */
const withoutIndexName = (path: string) => {
  const report = JSON.parse(readFileSync(path, 'utf8')) as { input: { index?: string } };
  delete report.input.index;
  return JSON.stringify(report);
};

if (!REDIS_SERVER) console.warn(NO_REDIS);

describe.skipIf(!REDIS_SERVER)('saochep with --index / --out redis://', () => {
  let server: TestRedis;
  let tmp: string;
  let older: string;
  let newer: string;
  /** The older half indexed to a saved file once: the truth each Redis command is compared with. */
  let savedOlder: string;
  beforeAll(async () => {
    server = await TestRedis.start();
    tmp = mkdtempSync(join(tmpdir(), 'saochep-cli-redis-'));
    // The sample's plans in two halves: an archive indexed first, and new plans scanned against it.
    older = join(tmp, 'older');
    newer = join(tmp, 'newer');
    mkdirSync(older);
    mkdirSync(newer);
    const plans = readdirSync(join(SAMPLE, 'plans')).sort();
    for (const [k, name] of plans.entries())
      cpSync(join(SAMPLE, 'plans', name), join(k < plans.length / 2 ? older : newer, name));
    savedOlder = join(tmp, 'older.idx');
    const built = await saochep(
      tmp,
      'index',
      older,
      '--references',
      DIRECTIVES,
      '--out',
      savedOlder,
    );
    if (built.code !== 0) throw new Error(`saochep index failed: ${built.stderr}`);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const url = (name: string) => `${server.url}?name=${name}`;

  it('index --out redis:// then check --index redis:// gives the JSON of the saved index', async () => {
    const file = savedOlder;
    const built = await saochep(
      tmp,
      'index',
      older,
      '--references',
      DIRECTIVES,
      '--out',
      url('built'),
    );
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(
      /\?name=built: 159 documents \(159 added, 0 already there, 0 not read\)/,
    );
    expect(
      (await saochep(tmp, 'index', older, '--references', DIRECTIVES, '--out', file)).code,
    ).toBe(0);
    // A plan of the archive (left out of its own sources) and a new one.
    const plans = [
      join(older, readdirSync(older).sort()[3]),
      join(newer, readdirSync(newer).sort()[5]),
    ];
    for (const plan of plans) {
      const fromRedis = await saochep(tmp, 'check', plan, '--index', url('built'), '--json');
      const fromFile = await saochep(tmp, 'check', plan, '--index', file, '--json');
      expect(fromRedis.code, fromRedis.stderr).toBe(0);
      expect(fromRedis.stdout).toBe(fromFile.stdout);
      expect(JSON.parse(fromRedis.stdout).matches.length).toBeGreaterThan(0);
    }
    expect(
      JSON.parse((await saochep(tmp, 'check', plans[0], '--index', url('built'), '--json')).stdout),
    ).toHaveProperty('alreadyIndexedAs');
    // Again: nothing is added twice.
    const again = await saochep(tmp, 'index', older, '--out', url('built'));
    expect(again.stdout).toMatch(/159 documents \(0 added, 150 already there/);
  }, 120_000);

  it('index saved.idx --out redis:// migrates it: every document, the same checks', async () => {
    const file = savedOlder;
    const migrated = await saochep(tmp, 'index', file, '--out', url('migrated'));
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/159 documents \(159 added/);
    const saved = await PlanIndex.load(file);
    const shared = await SharedPlanIndex.connect(url('migrated'));
    try {
      expect(await shared.size()).toBe(saved.size);
      expect(shared.options).toEqual(saved.options);
      for (const doc of saved.documents()) {
        expect(await shared.info(doc.id)).toMatchObject({ reference: doc.reference });
        expect(await shared.text(doc.id)).toBe(doc.text);
      }
    } finally {
      await shared.close();
    }
    const plan = join(newer, readdirSync(newer).sort()[0]);
    const fromRedis = await saochep(tmp, 'check', plan, '--index', url('migrated'), '--json');
    const fromFile = await saochep(tmp, 'check', plan, '--index', file, '--json');
    expect(fromRedis.stdout).toBe(fromFile.stdout);
  }, 120_000);

  it('scan --index redis:// reports what scan --index saved.idx reports, and adds the plans to the archive', async () => {
    const file = savedOlder;
    expect(
      (await saochep(tmp, 'index', older, '--references', DIRECTIVES, '--out', url('scan'))).code,
    ).toBe(0);
    const fromFile = await saochep(
      tmp,
      'scan',
      newer,
      '--index',
      file,
      '--out',
      'file.json',
      '--quiet',
    );
    const fromRedis = await saochep(
      tmp,
      'scan',
      newer,
      '--index',
      url('scan'),
      '--out',
      'redis.json',
      '--quiet',
    );
    expect(fromRedis.code, fromRedis.stderr).toBe(0);
    expect(fromFile.code).toBe(0);
    expect(withoutIndexName(join(tmp, 'redis.json'))).toBe(
      withoutIndexName(join(tmp, 'file.json')),
    );
    const report = JSON.parse(readFileSync(join(tmp, 'redis.json'), 'utf8'));
    expect(report.input.index).toBe(url('scan'));
    expect(report.summary.copied).toBeGreaterThan(0);
    const shared = await SharedPlanIndex.connect(url('scan'));
    expect(await shared.size()).toBe(159 + readdirSync(newer).length);
    await shared.close();
    // Scanned again, with the plans in the archive now: the same report.
    await saochep(tmp, 'scan', newer, '--index', url('scan'), '--out', 'again.json', '--quiet');
    expect(withoutIndexName(join(tmp, 'again.json'))).toBe(
      withoutIndexName(join(tmp, 'file.json')),
    );
  }, 180_000);

  it('refuses other index options, a Redis that is not there, and an index without texts', async () => {
    expect((await saochep(tmp, 'index', older, '--out', url('opts'), '--quiet')).code).toBe(0);
    const other = await saochep(tmp, 'index', newer, '--out', url('opts'), '--shingle-size', '5');
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/shingleSize/);

    const nowhere = `redis://127.0.0.1:${await freePort()}?name=x`;
    for (const args of [
      ['check', join(older, readdirSync(older)[0]), '--index', nowhere],
      ['index', older, '--out', nowhere],
      ['scan', older, '--index', nowhere, '--out', 'nowhere.json'],
    ]) {
      const r = await saochep(tmp, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/ERR_SAOCHEP_STORE_UNAVAILABLE|could not|refused/i);
    }

    const textless = join(tmp, 'textless.idx');
    const index = new PlanIndex({ keepTexts: false });
    index.add({ id: 'a', text: readFileSync(join(older, readdirSync(older)[0]), 'utf8') });
    await index.save(textless);
    const refused = await saochep(tmp, 'index', textless, '--out', url('textless'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/keeps no texts/);
  }, 120_000);

  it('masks the password of a Redis URL in what it prints and reports', async () => {
    const secured = await TestRedis.start(['--requirepass', 's3cret']);
    try {
      const spec = `redis://:s3cret@127.0.0.1:${secured.port}?name=pw`;
      const built = await saochep(tmp, 'index', older, '--out', spec);
      expect(built.code, built.stderr).toBe(0);
      expect(built.stdout).not.toMatch(/s3cret/);
      const scanned = await saochep(
        tmp,
        'scan',
        newer,
        '--index',
        spec,
        '--out',
        'pw.json',
        '--quiet',
      );
      expect(scanned.code, scanned.stderr).toBe(0);
      expect(readFileSync(join(tmp, 'pw.json'), 'utf8')).not.toMatch(/s3cret/);
      const wrong = await saochep(
        tmp,
        'check',
        join(older, readdirSync(older)[0]),
        '--index',
        spec.replace('s3cret', 'nope'),
      );
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).not.toMatch(/nope/);
    } finally {
      await secured.stop();
    }
  }, 120_000);
});

describe.skipIf(!REDIS_SERVER)('saochep with a Redis Cluster (redis+cluster://)', () => {
  let cluster: TestCluster;
  let tmp: string;
  beforeAll(async () => {
    cluster = await TestCluster.start(3);
    tmp = mkdtempSync(join(tmpdir(), 'saochep-cli-cluster-'));
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('indexes into and checks against the cluster as against a saved index', async () => {
    const spec = `redis+cluster://${cluster.nodes.join(',')}?name=cli`;
    const plans = join(SAMPLE, 'plans');
    const file = join(tmp, 'all.idx');
    const built = await saochep(tmp, 'index', plans, '--references', DIRECTIVES, '--out', spec);
    expect(built.code, built.stderr).toBe(0);
    expect(
      (await saochep(tmp, 'index', plans, '--references', DIRECTIVES, '--out', file)).code,
    ).toBe(0);
    const plan = join(plans, readdirSync(plans).sort()[10]);
    const fromCluster = await saochep(tmp, 'check', plan, '--index', spec, '--json');
    expect(fromCluster.code, fromCluster.stderr).toBe(0);
    expect(fromCluster.stdout).toBe(
      (await saochep(tmp, 'check', plan, '--index', file, '--json')).stdout,
    );
  }, 180_000);
});
