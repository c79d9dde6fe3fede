/**
 * Hostile files are read under limits: a zip bomb .docx, a PDF of too many
 * pages, a PDF whose page draws itself, JSONL nested thousands deep or with a
 * line too long, a FIFO or /dev/zero behind a document's name. Each one is an
 * error row with ERR_SAOCHEP_LIMIT_EXCEEDED (or ERR_SAOCHEP_NOT_REGULAR_FILE)
 * and the scan goes on and writes its report. The time limit is the worker
 * pool's: those tests run the built dist/cli.js.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileTextOf, readDocumentFile } from '../../src/read/read-file.js';
import { READ_LIMIT_DEFAULTS, resolveReadLimits } from '../../src/read/read-limits.js';
import { jsonDepth, readJsonl } from '../../src/scan/jsonl.js';
import { scanArchive } from '../../src/scan/scan.js';
import {
  deepJsonLine,
  manyPagesPdf,
  repeatedDocx,
  selfDrawingPdf,
  wrongXrefPdf,
  zipBombDocx,
} from '../helpers/hostile.js';
import { makePdf } from '../helpers/pdf.js';
import { SENTENCES } from '../helpers/vietnamese.js';
import { CLI } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'saochep-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TEXT = SENTENCES.join('\n');
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code,
  );

describe('read limits', () => {
  it('have documented defaults and refuse values that are not positive integers', () => {
    expect(resolveReadLimits('t', undefined)).toEqual(READ_LIMIT_DEFAULTS);
    expect(resolveReadLimits('t', { pdfPages: 3 }).pdfPages).toBe(3);
    for (const bad of [
      { pdfPages: 0 },
      { timeMs: Number.NaN },
      { characters: 1e300 },
      { jsonDepth: '5' },
      { nope: 1 },
      7,
      null,
    ])
      expect(() => resolveReadLimits('t', bad), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ code: 'ERR_SAOCHEP_INVALID_OPTION' }),
      );
  });

  it('stop a zip bomb .docx before it is inflated into memory, whatever its headers say', async () => {
    // 64 MiB of XML in a file of about 70 KB; the headers claim 1,000 bytes.
    const bomb = zipBombDocx(64);
    expect(bomb.length).toBeLessThan(200_000);
    const limits = { memberBytes: 16 * 1024 * 1024 };
    await expect(fileTextOf('bomb.docx', bomb, { limits })).rejects.toMatchObject({
      code: 'ERR_SAOCHEP_LIMIT_EXCEEDED',
      message: expect.stringContaining('memberBytes'),
    });
    await expect(
      fileTextOf('bomb.docx', bomb, { limits: { archiveBytes: 32 * 1024 * 1024 } }),
    ).rejects.toMatchObject({ message: expect.stringContaining('archiveBytes') });
    // Under the limits, the same kind of deflated package is read.
    const genuine = repeatedDocx('Kế hoạch triển khai thực hiện', 3);
    expect((await fileTextOf('ok.docx', genuine, { limits })).text.trim().split('\n')).toEqual([
      'Kế hoạch triển khai thực hiện',
      'Kế hoạch triển khai thực hiện',
      'Kế hoạch triển khai thực hiện',
    ]);
  });

  it('refuse a PDF of more pages than the limit, and read it under a larger one', async () => {
    const pdf = manyPagesPdf(30);
    expect(await codeOf(fileTextOf('many.pdf', pdf, { limits: { pdfPages: 29 } }))).toBe(
      'ERR_SAOCHEP_LIMIT_EXCEEDED',
    );
    expect(
      (await fileTextOf('many.pdf', pdf, { limits: { pdfPages: 30 } })).text.match(/page/g),
    ).toHaveLength(30);
  });

  it('refuse a text longer than the characters limit, before reading the file when its size says so', async () => {
    const file = join(tmp, 'long.txt');
    writeFileSync(file, 'a '.repeat(5000));
    expect(await codeOf(readDocumentFile(file, { limits: { characters: 9999 } }))).toBe(
      'ERR_SAOCHEP_LIMIT_EXCEEDED',
    );
    expect((await readDocumentFile(file, { limits: { characters: 10_000 } })).text.length).toBe(
      10_000,
    );
    expect(await codeOf(readDocumentFile(file, { limits: { characters: 100 } }))).toBe(
      'ERR_SAOCHEP_LIMIT_EXCEEDED',
    );
  });

  it('refuse FIFOs and devices, also behind a symlink, without blocking on them', async () => {
    const fifo = join(tmp, 'pipe.txt');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status === 0)
      expect(await codeOf(readDocumentFile(fifo))).toBe('ERR_SAOCHEP_NOT_REGULAR_FILE');
    if (existsSync('/dev/zero')) {
      symlinkSync('/dev/zero', join(tmp, 'zero.txt'));
      expect(await codeOf(readDocumentFile(join(tmp, 'zero.txt')))).toBe(
        'ERR_SAOCHEP_NOT_REGULAR_FILE',
      );
    }
    writeFileSync(join(tmp, 'target.md'), TEXT);
    symlinkSync(join(tmp, 'target.md'), join(tmp, 'link.txt'));
    expect((await readDocumentFile(join(tmp, 'link.txt'))).text).toBe(TEXT);
  });

  it('read a file whose name is not valid UTF-8, given as bytes', async () => {
    const folder = join(tmp, 'latin');
    mkdirSync(folder);
    // "kế hoạch" in Windows-1258-like bytes: 0xEA is not valid UTF-8 alone.
    const name = Buffer.concat([
      Buffer.from(`${folder}/k`),
      Buffer.from([0xea]),
      Buffer.from(' hoach.txt'),
    ]);
    writeFileSync(name, TEXT);
    expect((await readDocumentFile(name)).text).toBe(TEXT);
    const result = await scanArchive({ archive: folder, jobs: 1 });
    expect(result.report.errors).toEqual([]);
    expect(result.report.plans.map((p) => p.id)).toEqual(['k\u00ea hoach.txt']);
  });
});

describe('JSONL under limits', () => {
  it('measures JSON depth outside strings, without recursion', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}', 100)).toBe(3);
    expect(jsonDepth('"\\"["', 100)).toBe(0);
    expect(jsonDepth('['.repeat(1e6), 64)).toBe(65);
  });

  it('gives line numbers, refuses deep and long lines, and reads the rest', async () => {
    const file = join(tmp, 'hostile.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: TEXT }),
        '',
        '{broken',
        deepJsonLine('deep', TEXT, 5000),
        JSON.stringify({ id: 'long', text: 'x'.repeat(3000) }),
        JSON.stringify({ id: 'b', text: `${TEXT}\nNgày 1/1/2024` }),
      ].join('\r\n'),
    );
    const contents = await readJsonl(file, { jsonDepth: 64, lineBytes: 2000 });
    expect(contents.documents.map((d) => [d.id, d.line])).toEqual([
      ['a', 1],
      ['b', 6],
    ]);
    expect(contents.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'ERR_SAOCHEP_INVALID_DOCUMENT'],
      [4, 'ERR_SAOCHEP_LIMIT_EXCEEDED'],
      [5, 'ERR_SAOCHEP_LIMIT_EXCEEDED'],
    ]);
  });

  it('gives empty and NUL-only texts the errors the same content gives in a file', async () => {
    const file = join(tmp, 'empty.jsonl');
    const texts = { blank: '  \n ', nul: '\u0000'.repeat(50) };
    writeFileSync(
      file,
      Object.entries(texts)
        .map(([id, text]) => JSON.stringify({ id, text }))
        .join('\n'),
    );
    const scanned = await scanArchive({ archive: file, jobs: 1 });
    const byLine = Object.fromEntries(scanned.report.errors.map((e) => [e.file, e.code]));
    for (const [k, [id, text]] of Object.entries(texts).entries()) {
      writeFileSync(join(tmp, `${id}.txt`), text);
      const inFile = await codeOf(readDocumentFile(join(tmp, `${id}.txt`)));
      expect(byLine[`empty.jsonl#${k + 1}`], id).toBe(inFile);
    }
  });
});

describe.skipIf(!existsSync(CLI))('a scan of hostile files (the built command)', () => {
  it('ends, writes its report with one row per hostile file, and reads the others', () => {
    const folder = join(tmp, 'archive');
    mkdirSync(folder);
    writeFileSync(join(folder, 'bomb.docx'), zipBombDocx(600));
    writeFileSync(join(folder, 'self.pdf'), selfDrawingPdf());
    writeFileSync(join(folder, 'many.pdf'), manyPagesPdf(40));
    writeFileSync(join(folder, 'plan-a.txt'), `${TEXT}\nMột`);
    writeFileSync(join(folder, 'plan-b.txt'), `${TEXT}\nHai`);
    if (existsSync('/dev/zero')) symlinkSync('/dev/zero', join(folder, 'zero.txt'));
    const out = join(tmp, 'report.json');
    for (const jobs of ['1', '2']) {
      const r = spawnSync(
        process.execPath,
        [
          CLI,
          'scan',
          folder,
          '--out',
          out,
          '--jobs',
          jobs,
          '--quiet',
          '--max-seconds',
          '3',
          '--max-pages',
          '30',
          '--max-inflated-mb',
          '64',
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      const report = JSON.parse(readFileSync(out, 'utf8')) as {
        plans: Array<{ id: string }>;
        errors: Array<{ file: string; code: string; message: string }>;
      };
      expect(report.plans.map((p) => p.id)).toEqual(['plan-a.txt', 'plan-b.txt']);
      const errors = Object.fromEntries(report.errors.map((e) => [e.file, e.code]));
      expect(errors).toMatchObject({
        'bomb.docx': 'ERR_SAOCHEP_LIMIT_EXCEEDED',
        'self.pdf': 'ERR_SAOCHEP_LIMIT_EXCEEDED',
        'many.pdf': 'ERR_SAOCHEP_LIMIT_EXCEEDED',
      });
      if (existsSync('/dev/zero')) expect(errors['zero.txt']).toBe('ERR_SAOCHEP_NOT_REGULAR_FILE');
      expect(report.errors.find((e) => e.file === 'self.pdf')!.message).toMatch(/timeMs/);
    }
  }, 180_000);

  it('keeps pdf.js warnings off stdout: check --json of a damaged PDF prints JSON only', () => {
    const pdf = join(tmp, 'damaged.pdf');
    writeFileSync(pdf, wrongXrefPdf(makePdf([SENTENCES.slice(0, 5)])));
    const folder = join(tmp, 'refs');
    mkdirSync(folder);
    writeFileSync(join(folder, 'ref.txt'), TEXT);
    const idx = join(tmp, 'refs.idx');
    const built = spawnSync(process.execPath, [CLI, 'index', folder, '--out', idx, '--quiet'], {
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    const r = spawnSync(process.execPath, [CLI, 'check', pdf, '--index', idx, '--json'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout) as { file: string; score: number };
    expect(parsed.file).toBe(pdf);
    expect(typeof parsed.score).toBe('number');
  }, 60_000);
});
