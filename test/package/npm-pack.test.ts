/**
 * The package as npm publishes it: `npm pack` in a copy of the sources with
 * no dist/ (as a clean clone is: prepack builds it), the tarball installed
 * into an empty project, and used from there: the saochep command, an ES
 * module import and a CommonJS require, of the main entry and of a subpath
 * (saochep/text, saochep/sketch), and the HTML report with its page script
 * bundled in. Everything happens in one temporary
 * folder, removed at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tmp = mkdtempSync(join(tmpdir(), 'saochep-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const source = join(tmp, 'source');
const app = join(tmp, 'app');
let files: string[] = [];

function run(
  command: string,
  args: string[],
  cwd: string,
): { code: number; out: string; stdout: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}`, stdout: r.stdout };
}

beforeAll(() => {
  // What the build needs, without dist/; node_modules linked, not copied.
  mkdirSync(source);
  for (const entry of [
    'src',
    'package.json',
    'tsup.config.ts',
    'tsconfig.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
  ])
    cpSync(join(ROOT, entry), join(source, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
  const packed = run(NPM, ['pack', '--json', '--pack-destination', tmp], source);
  expect(packed.code, packed.out).toBe(0);
  // npm's JSON comes after what prepack's build printed (tsup's lines may hold brackets too).
  const json = packed.stdout.slice(
    packed.stdout.search(/^\[\s*\{/m),
    packed.stdout.lastIndexOf(']') + 1,
  );
  const [info] = JSON.parse(json) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = info.files.map((f) => f.path).sort();
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  const tarball = join(tmp, info.filename);
  // From npm's cache when it holds everything, else from the registry.
  let installed = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], app);
  if (installed.code !== 0)
    installed = run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
  expect(installed.code, installed.out).toBe(0);
}, 600_000);

describe('npm pack', () => {
  it('ships the built library, command and worker, the licence, and no source maps', () => {
    for (const file of [
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/index.d.cts',
      'dist/text.js',
      'dist/text.cjs',
      'dist/text.d.ts',
      'dist/text.d.cts',
      'dist/sketch.js',
      'dist/sketch.cjs',
      'dist/read.js',
      'dist/read.cjs',
      'dist/cli.js',
      'dist/scan-worker.js',
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
      'package.json',
    ])
      expect(files).toContain(file);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it('installs a saochep command that prints its version, scans and checks', () => {
    const bin = join(app, 'node_modules/.bin/saochep');
    const version = run(bin, ['-V'], app);
    expect(version.out.trim()).toBe(
      JSON.parse(
        execFileSync(NPM, ['pkg', 'get', 'version'], { cwd: ROOT, encoding: 'utf8' }),
      ) as string,
    );
    const plans = join(tmp, 'plans');
    mkdirSync(plans);
    const body =
      'Thực hiện Nghị quyết số 12-NQ/TU của Ban Thường vụ Tỉnh ủy về đẩy mạnh chuyển đổi số, ' +
      'Ủy ban nhân dân huyện xây dựng kế hoạch triển khai với các nội dung sau đây. ' +
      'Tuyên truyền, phổ biến sâu rộng đến cán bộ, đảng viên và nhân dân về mục đích, ý nghĩa của chuyển đổi số. ' +
      'Đầu tư hạ tầng số tại các xã, thị trấn, bảo đảm kết nối mạng đến tận thôn, tổ dân phố. ' +
      'Phát triển nguồn nhân lực số, bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã.';
    writeFileSync(join(plans, 'a.txt'), `KẾ HOẠCH\nChuyển đổi số huyện Nam Đàn\n${body}\n`);
    writeFileSync(join(plans, 'b.txt'), `KẾ HOẠCH\nChuyển đổi số huyện Hưng Nguyên\n${body}\n`);
    const scan = run(
      bin,
      ['scan', plans, '--out', join(tmp, 'r.json'), '--quiet', '--min-passage', '10'],
      app,
    );
    expect(scan.code, scan.out).toBe(0);
    const indexed = run(bin, ['index', plans, '--out', join(tmp, 'a.idx'), '--quiet'], app);
    expect(indexed.code, indexed.out).toBe(0);
    writeFileSync(join(tmp, 'new.txt'), `KẾ HOẠCH\nChuyển đổi số huyện Thanh Chương\n${body}\n`);
    const check = run(
      bin,
      ['check', join(tmp, 'new.txt'), '--index', join(tmp, 'a.idx'), '--json'],
      app,
    );
    expect(check.code, check.out).toBe(0);
    const result = JSON.parse(check.out) as { matches: Array<{ id: string }> };
    expect(result.matches.map((m) => m.id).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('imports as an ES module and requires as CommonJS, by its name', () => {
    const probe =
      "const text = 'Kế hoạch số 12/KH-UBND'; process.stdout.write(JSON.stringify(s.tokenize(text)));";
    const esm = run(
      process.execPath,
      ['--input-type=module', '-e', `import * as s from 'saochep'; ${probe}`],
      app,
    );
    const cjs = run(process.execPath, ['-e', `const s = require('saochep'); ${probe}`], app);
    expect(esm.code, esm.out).toBe(0);
    expect(cjs.code, cjs.out).toBe(0);
    expect(JSON.parse(esm.out)).toEqual(['kế', 'hoạch', 'số', '12', 'kh', 'ubnd']);
    expect(JSON.parse(cjs.out)).toEqual(JSON.parse(esm.out));
    expect(readdirSync(join(app, 'node_modules/saochep/dist'))).not.toContain('index.js.map');
  });

  it('imports and requires the subpaths saochep/text and saochep/sketch, by their names', () => {
    const probe =
      "const text = 'Kế hoạch số 12/KH-UBND'; process.stdout.write(JSON.stringify({ tokens: t.tokenize(text), shingles: Array.from(k.shingleText(text, { size: 2 })) }));";
    const esm = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import * as t from 'saochep/text'; import * as k from 'saochep/sketch'; ${probe}`,
      ],
      app,
    );
    const cjs = run(
      process.execPath,
      ['-e', `const t = require('saochep/text'); const k = require('saochep/sketch'); ${probe}`],
      app,
    );
    expect(esm.code, esm.out).toBe(0);
    expect(cjs.code, cjs.out).toBe(0);
    const out = JSON.parse(esm.out) as { tokens: string[]; shingles: number[] };
    expect(out.tokens).toEqual(['kế', 'hoạch', 'số', '12', 'kh', 'ubnd']);
    expect(out.shingles).toHaveLength(5);
    expect(JSON.parse(cjs.out)).toEqual(out);
  });

  it('writes an HTML report whose page script was bundled in at build time', () => {
    const probe =
      "const r = { saochep: '0', schemaVersion: 2, options: { threshold: 0.5 }, summary: { plans: 0, copied: 0, copiedFromReferences: 0, meanScore: 0, errors: 0, topSources: [] }, plans: [], clusters: [], errors: [] }; process.stdout.write(s.htmlReport(r, new Map()));";
    const html = run(
      process.execPath,
      ['--input-type=module', '-e', `import * as s from 'saochep'; ${probe}`],
      app,
    );
    expect(html.code, html.out).toBe(0);
    const script = /<script>([\s\S]*)<\/script>/.exec(html.stdout)?.[1] ?? '';
    expect(script).toContain('function renderAll()');
    expect(script).not.toContain('__REPORT_PAGE_SCRIPT__');
  });
});
