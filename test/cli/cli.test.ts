/**
 * The saochep command as people run it: the built dist/cli.js in a child
 * process, on the committed sample and on small folders made here. Exit
 * codes, help, the three commands, the report formats, and the same report
 * whatever the number of worker threads.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, CLI, SAMPLE } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'saochep-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function saochep(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('saochep (the command)', () => {
  it('prints help for itself and each command, and its version', () => {
    const main = saochep('--help');
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/saochep scan/);
    for (const command of ['scan', 'check', 'index']) {
      const r = saochep(command, '--help');
      expect(r.code, command).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Usage: saochep ${command}`));
    }
    const version = saochep('--version');
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    );
  });

  it('exits 1 on bad usage, with the reason and the help', () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['scan'],
      ['scan', SAMPLE, '--colour'],
      ['scan', SAMPLE, '--threshold', '2'],
      ['scan', SAMPLE, '--jobs', 'many'],
      ['scan', SAMPLE, '--out', 'report.pdf'],
      ['scan', SAMPLE, '--out', 'no-such-folder/report.json'],
      ['check', 'plan.txt'],
      ['index', SAMPLE],
    ]) {
      const r = saochep(...args);
      expect(r.code, args.join(' ')).toBe(1);
      if (args.length > 0) expect(r.stderr).toMatch(/^saochep: /);
    }
  });

  it('exits 2 when nothing can be read', () => {
    mkdirSync(join(tmp, 'empty'));
    writeFileSync(join(tmp, 'empty', 'blank.txt'), '   ');
    expect(saochep('scan', join(tmp, 'missing')).code).toBe(2);
    const empty = saochep('scan', join(tmp, 'empty'), '--out', 'empty.json', '--quiet');
    expect(empty.code).toBe(2);
    const report = JSON.parse(readFileSync(join(tmp, 'empty.json'), 'utf8'));
    expect(report.errors).toEqual([
      expect.objectContaining({ file: 'blank.txt', code: 'ERR_SAOCHEP_EMPTY_DOCUMENT' }),
    ]);
    expect(
      saochep('check', join(SAMPLE, 'plans/P0001.txt'), '--index', join(tmp, 'none.idx')).code,
    ).toBe(2);
  });

  it('scans the sample with a summary; the report does not depend on --jobs', () => {
    const one = saochep(
      'scan',
      join(SAMPLE, 'plans'),
      '--references',
      join(SAMPLE, 'directives'),
      '--out',
      'one.json',
      '--jobs',
      '1',
    );
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/300 plans read from \d+ files/);
    expect(one.stdout).toMatch(/copied \(score ≥ 0.5\): \d+ plans/);
    expect(one.stdout).toMatch(/top sources:/);
    // Not a terminal: no progress bar.
    expect(one.stderr).toBe('');
    const two = saochep(
      'scan',
      join(SAMPLE, 'plans'),
      '--references',
      join(SAMPLE, 'directives'),
      '--out',
      'two.json',
      '--jobs',
      '2',
      '--quiet',
    );
    expect(two.code).toBe(0);
    expect(two.stdout).toBe('');
    expect(readFileSync(join(tmp, 'two.json'), 'utf8')).toBe(
      readFileSync(join(tmp, 'one.json'), 'utf8'),
    );
  });

  it('writes CSV with a byte order mark and HTML that needs no network', () => {
    expect(saochep('scan', join(SAMPLE, 'plans'), '--out', 'r.csv', '--quiet').code).toBe(0);
    const csv = readFileSync(join(tmp, 'r.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').split('\r\n')[0]).toMatch(/^\uFEFFid,file,unit,/);
    expect(
      saochep('scan', join(SAMPLE, 'plans'), '--out', 'r.html', '--quiet', '--lang', 'en').code,
    ).toBe(0);
    const html = readFileSync(join(tmp, 'r.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toMatch(/<html lang="en">/);
  });

  it('builds an index, extends it with --add, and checks a plan against it', () => {
    const truth = JSON.parse(readFileSync(join(SAMPLE, 'truth.json'), 'utf8')) as {
      plans: Array<{ id: string; kind: string; sources: string[]; file: string }>;
    };
    const txt = new Set(truth.plans.filter((p) => p.file.endsWith('.txt')).map((p) => p.id));
    const copy = truth.plans.find(
      (p) => p.kind === 'peer-renamed' && txt.has(p.id) && txt.has(p.sources[0]),
    )!;
    const other = truth.plans.find(
      (p) => p.id !== copy.id && p.id !== copy.sources[0] && txt.has(p.id),
    )!;
    const sample = (id: string) => readFileSync(join(SAMPLE, 'plans', `${id}.txt`));
    const part = join(tmp, 'part');
    mkdirSync(part);
    writeFileSync(join(part, `${copy.sources[0]}.txt`), sample(copy.sources[0]));
    const built = saochep(
      'index',
      part,
      '--references',
      join(SAMPLE, 'directives'),
      '--out',
      'a.idx',
    );
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/10 documents \(10 added, 0 not read\)/);
    const more = join(tmp, 'more');
    mkdirSync(more);
    writeFileSync(join(more, `${other.id}.txt`), sample(other.id));
    const added = saochep('index', more, '--out', 'a.idx', '--add');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/11 documents \(1 added/);
    const checked = saochep(
      'check',
      join(SAMPLE, 'plans', `${copy.id}.txt`),
      '--index',
      'a.idx',
      '--json',
    );
    expect(checked.code).toBe(0);
    const result = JSON.parse(checked.stdout);
    expect(result.matches[0].id).toBe(`${copy.sources[0]}.txt`);
    expect(result.score).toBeGreaterThan(0.5);
    expect(result.matches[0].passages.length).toBeGreaterThan(0);
    const human = saochep('check', join(SAMPLE, 'plans', `${copy.id}.txt`), '--index', 'a.idx');
    expect(human.stdout).toMatch(/sao chép score \d+\.\d%/);
    expect(human.stdout).toContain(`${copy.sources[0]}.txt: `);
  });
});

describe('saochep (usage details)', () => {
  it("shows a command's help with saochep help <command>, and the version with -V", () => {
    for (const command of ['scan', 'check', 'index']) {
      const r = saochep('help', command);
      expect(r.code, command).toBe(0);
      expect(r.stdout).toBe(saochep(command, '--help').stdout);
      expect(r.stdout).toMatch(new RegExp(`^Usage: saochep ${command}`));
    }
    expect(saochep('-V').stdout).toBe(saochep('--version').stdout);
    const bad = saochep('help', 'frobnicate');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^saochep: help takes one command/);
  });

  it("words bad options itself, with the command's help on stderr", () => {
    const unknown = saochep('scan', SAMPLE, '--colour');
    expect(unknown.stderr).toMatch(/^saochep: unknown option --colour for saochep scan\.\n/);
    expect(unknown.stderr).toContain('Usage: saochep scan');
    expect(unknown.stdout).toBe('');
    expect(saochep('scan', SAMPLE, '--qiuet').stderr).toMatch(/Did you mean --quiet\?/);
    expect(saochep('scan', SAMPLE, '--out').stderr).toMatch(/^saochep: --out needs a value\./);
    expect(saochep('scan', SAMPLE, '--out', '--quiet').stderr).toMatch(/--out needs a value/);
    expect(saochep('scan', SAMPLE, '--quiet=yes').stderr).toMatch(/--quiet takes no value/);
    for (const r of [unknown, saochep('check', 'x', '--bogus'), saochep('index', 'x', '--bogus')]) {
      expect(r.code).toBe(1);
      // Not node:util's wording ("Unknown option '--colour'. To specify a positional argument…").
      expect(r.stderr).not.toMatch(/To specify a positional|parseArgs|ERR_PARSE_ARGS/);
    }
  });

  it('index checks that --out can be written before it reads anything', () => {
    // The archive does not exist either: exit 1 (usage), not 2 (nothing read), shows --out came first.
    const r = saochep('index', join(tmp, 'missing-archive'), '--out', 'no-folder/a.idx');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^saochep: cannot write the index to no-folder\/a\.idx/);
  });

  it('sets index options from the command line and records them in the report', () => {
    const r = saochep(
      'scan',
      join(SAMPLE, 'plans'),
      '--out',
      'options.json',
      '--quiet',
      '--copied-at',
      '0.4',
      '--lsh-threshold',
      '0.6',
      '--min-passage',
      '40',
      '--min-containment',
      '0.3',
      '--shingle-size',
      '5',
      '--learned-boilerplate',
      '0',
      '--anchor-rate',
      '1/8',
      '--no-frame',
    );
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(tmp, 'options.json'), 'utf8'));
    expect(report.options).toMatchObject({ threshold: 0.4, copiedAt: 0.4, lshThreshold: 0.6 });
    expect(report.options.index).toMatchObject({
      threshold: 0.6,
      minPassage: 40,
      minContainment: 0.3,
      shingleSize: 5,
      learnedBoilerplate: 0,
      anchorRate: 0.125,
      frame: false,
      numPerm: 128,
    });
    for (const p of report.plans) expect(p.copied).toBe(p.score >= 0.4);
    // --threshold is the old name of --copied-at.
    expect(
      saochep('scan', join(SAMPLE, 'plans'), '--out', 'old.json', '--quiet', '--threshold', '0.3')
        .code,
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(tmp, 'old.json'), 'utf8')).options.copiedAt).toBe(0.3);
    for (const args of [
      ['--threshold', '0.3', '--copied-at', '0.4'],
      ['--num-perm', '100'],
      ['--anchor-rate', '1/3'],
      ['--min-passage', '0'],
      ['--index', 'a.idx', '--min-passage', '40'],
    ]) {
      const bad = saochep('scan', join(SAMPLE, 'plans'), '--out', 'x.json', ...args);
      expect(bad.code, args.join(' ')).toBe(1);
    }
    expect(saochep('index', SAMPLE, '--out', 'a.idx', '--add', '--seed', '3').code).toBe(1);
  });

  it('check --fail-above gates an upload with exit 4; a plan already indexed is not its own source', () => {
    const plans = join(tmp, 'gate');
    mkdirSync(plans);
    const ids = ['P0001', 'P0002', 'P0003', 'P0004'];
    for (const id of ids)
      writeFileSync(join(plans, `${id}.txt`), readFileSync(join(SAMPLE, 'plans', `${id}.txt`)));
    expect(saochep('index', plans, '--out', 'gate.idx', '--quiet').code).toBe(0);
    // P0001 itself, from the indexed folder: found as itself, not as its own source.
    const self = saochep('check', join(plans, 'P0001.txt'), '--index', 'gate.idx', '--json');
    expect(self.code).toBe(0);
    const selfResult = JSON.parse(self.stdout);
    expect(selfResult.alreadyIndexedAs).toEqual(['P0001.txt']);
    expect(selfResult.matches.map((m: { id: string }) => m.id)).not.toContain('P0001.txt');
    const human = saochep('check', join(plans, 'P0001.txt'), '--index', 'gate.idx');
    expect(human.stdout).toContain('this plan is already in the index as P0001.txt');
    // The same text under another name is a copy: it scores 1 and the gate stops it.
    writeFileSync(join(tmp, 'upload.txt'), readFileSync(join(plans, 'P0001.txt')));
    const copy = saochep(
      'check',
      join(tmp, 'upload.txt'),
      '--index',
      'gate.idx',
      '--json',
      '--fail-above',
      '0.5',
    );
    expect(copy.code).toBe(4);
    const copyResult = JSON.parse(copy.stdout);
    expect(copyResult.alreadyIndexedAs).toBeUndefined();
    expect(copyResult.matches[0].id).toBe('P0001.txt');
    expect(copyResult.score).toBeGreaterThan(0.99);
    expect(copyResult).toMatchObject({ failAbove: 0.5, failed: true });
    // At or above: the score itself as the limit fails, just above it passes.
    const score = Number(
      saochep('check', join(tmp, 'upload.txt'), '--index', 'gate.idx', '--quiet').stdout,
    );
    expect(
      saochep(
        'check',
        join(tmp, 'upload.txt'),
        '--index',
        'gate.idx',
        '--quiet',
        '--fail-above',
        String(score),
      ).code,
    ).toBe(4);
    const original = join(tmp, 'original.txt');
    writeFileSync(
      original,
      'Kế hoạch tổ chức ngày hội đọc sách tại thư viện xã, mời các cháu thiếu nhi tham gia kể chuyện và vẽ tranh về quê hương.\n',
    );
    const fresh = saochep('check', original, '--index', 'gate.idx', '--fail-above', '0.5');
    expect(fresh.code).toBe(0);
    expect(saochep('check', original, '--index', 'gate.idx', '--fail-above', '2').code).toBe(1);
    const badDate = saochep('check', original, '--index', 'gate.idx', '--date', 'nonsense');
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toMatch(/^saochep: PlanIndex\.check: option date must be a date/);
  });
});
