/**
 * The scan of a generated archive written to disk, with broken files mixed
 * in: every file is a plan or an error row, plans are dated and ordered,
 * copies are flagged and honest plans are not (against the generator's
 * truth), and the JSON, CSV and header fields say what they should.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { docx } from '../../corpus/generator/docx.js';
import { writeArchive } from '../../corpus/generator/write.js';
import {
  REPORT_SCHEMA_VERSION,
  type ScanReport,
  type ScanResult,
  csvReport,
  htmlReport,
  jsonReport,
  normalizeText,
  scanArchive,
  writeReport,
} from '../../src/index.js';
import { parseHeader } from '../../src/read/index.js';
import { makeDoc } from '../helpers/doc.js';
import { makePdf } from '../helpers/pdf.js';

const archive = generateArchive({ plans: 120, seed: 41 });
const tmp = mkdtempSync(join(tmpdir(), 'saochep-scan-'));
const plansDir = join(tmp, 'plans');
const truthById = new Map(archive.truth.plans.map((p) => [p.id, p]));
let result: ScanResult;
const BROKEN = {
  'broken.docx': 'ERR_SAOCHEP_CORRUPT_DOCUMENT',
  'empty.txt': 'ERR_SAOCHEP_EMPTY_DOCUMENT',
  'scanned.pdf': 'ERR_SAOCHEP_EMPTY_DOCUMENT',
  'junk.txt': 'ERR_SAOCHEP_NOT_TEXT',
} as const;

beforeAll(async () => {
  writeArchive(archive, tmp, { jsonl: true });
  writeFileSync(
    join(plansDir, 'broken.docx'),
    Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]),
  );
  writeFileSync(join(plansDir, 'empty.txt'), '');
  writeFileSync(join(plansDir, 'scanned.pdf'), makePdf([[]]));
  writeFileSync(
    join(plansDir, 'junk.txt'),
    Uint8Array.from({ length: 2000 }, (_, i) => (i * 131) % 256),
  );
  writeFileSync(join(plansDir, 'notes.xlsx'), 'not a plan'); // not a document type: not listed
  // The same plan in other formats, undated: dated by file time.
  const someText = archive.files.get(archive.truth.plans[0].id)!.text;
  const undated = someText.replace(/ngày \d+ tháng \d+ năm \d+/, '');
  mkdirSync(join(plansDir, 'extra'));
  writeFileSync(join(plansDir, 'extra', 'undated.doc'), makeDoc(undated));
  utimesSync(
    join(plansDir, 'extra', 'undated.doc'),
    new Date('2030-01-02T03:00:00Z'),
    new Date('2030-01-02T03:00:00Z'),
  );
  writeFileSync(join(plansDir, 'extra', 'twin.docx'), docx(someText));
  copyFileSync(join(tmp, archive.truth.plans[0].file), join(plansDir, 'extra', 'twin.txt'));
  result = await scanArchive({ archive: plansDir, references: join(tmp, 'directives'), jobs: 1 });
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const idOf = (reportId: string) => reportId.replace(/\.(txt|docx)$/, '');

describe('scanArchive', () => {
  it('reads every plan or reports why not, and goes on', () => {
    const { report } = result;
    expect(report.plans.length).toBe(archive.truth.plans.length + 3);
    expect(report.summary.references).toBe(archive.truth.directives.length);
    for (const [file, code] of Object.entries(BROKEN)) {
      expect(report.errors.find((e) => e.file === file)?.code, file).toBe(code);
    }
    expect(report.errors.length).toBe(Object.keys(BROKEN).length);
    expect(report.summary.files).toBe(
      report.plans.length + report.errors.length + report.summary.references,
    );
  });

  it('dates plans from their date line, or file time, and orders them by date', () => {
    const { report } = result;
    const undated = report.plans.find((p) => p.id === 'extra/undated.doc')!;
    expect(undated).toMatchObject({ date: '2030-01-02', dateSource: 'file-time', format: 'doc' });
    for (const p of report.plans.filter((x) => truthById.has(idOf(x.id)))) {
      expect(p.date, p.id).toBe(truthById.get(idOf(p.id))!.date);
      expect(p.dateSource).toBe('date-line');
    }
    const dates = report.plans.map((p) => p.date ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it('flags copies and not honest plans, as the generator’s truth says', () => {
    let copies = 0;
    let flaggedCopies = 0;
    let honest = 0;
    let flaggedHonest = 0;
    for (const p of result.report.plans) {
      const truth = truthById.get(idOf(p.id));
      if (!truth) continue;
      if (truth.kind === 'original') {
        honest++;
        if (p.score >= 0.15) flaggedHonest++;
      } else if (truth.shareCopied >= 0.5) {
        copies++;
        if (p.copied) flaggedCopies++;
      }
    }
    expect(flaggedCopies / copies).toBeGreaterThan(0.9);
    expect(flaggedHonest / honest).toBeLessThan(0.05);
  });

  it('checks each plan against what is not dated after it: the copy scores, its source does not', () => {
    const byId = new Map(result.report.plans.map((p) => [idOf(p.id), p]));
    for (const t of archive.truth.plans.filter((x) => x.kind === 'peer-renamed').slice(0, 10)) {
      const copy = byId.get(t.id)!;
      expect(copy.sources.map((s) => idOf(s.id))).toContain(t.sources[0]);
      const source = byId.get(t.sources[0])!;
      expect(source.sources.map((s) => idOf(s.id))).not.toContain(t.id);
    }
  });

  it('scores identical plans of the same day both high, and clusters them', () => {
    const twins = result.report.plans.filter(
      (p) => p.id.startsWith('extra/twin') || p.id === `${archive.truth.plans[0].id}.txt`,
    );
    expect(twins.length).toBe(3);
    for (const p of twins) expect(p.score, p.id).toBeGreaterThan(0.9);
    const cluster = result.report.clusters.find((c) => c.plans.includes('extra/twin.txt'));
    expect(cluster?.plans).toEqual(expect.arrayContaining(twins.map((p) => p.id)));
  });

  it('reads the header fields of each plan', () => {
    for (const p of result.report.plans.filter((x) => truthById.has(idOf(x.id)))) {
      const truth = truthById.get(idOf(p.id))!;
      expect(p.number, p.id).toBe(truth.number);
      // The header names the body in capitals, the truth in words: the place names agree
      // (a Sở names its province on the line above, as its parent body).
      if (truth.unit.startsWith('Sở ')) continue;
      const place = normalizeText(truth.unit.split(' ').slice(-2).join(' '));
      expect(normalizeText(p.unit ?? ''), p.id).toContain(place);
    }
  });

  it('gives the same report for the same archive, whatever the number of jobs', async () => {
    const again = await scanArchive({
      archive: plansDir,
      references: join(tmp, 'directives'),
      jobs: 3,
    });
    expect(jsonReport(again.report)).toBe(jsonReport(result.report));
  });

  it('reads a JSONL archive the same way, its directives (meta.kind) as references', async () => {
    const fromJsonl = await scanArchive({ archive: join(tmp, 'archive.jsonl'), jobs: 1 });
    expect(fromJsonl.report.plans.length).toBe(archive.truth.plans.length);
    expect(fromJsonl.report.summary.references).toBe(archive.truth.directives.length);
    for (const p of fromJsonl.report.plans) expect(p.dateSource).toBe('meta');
    const fromFiles = new Map(result.report.plans.map((p) => [idOf(p.id), p.score]));
    // The first plan has twins in the folder scan (extra/twin.*), not in the archive.
    for (const p of fromJsonl.report.plans.filter((x) => x.id !== archive.truth.plans[0].id))
      expect(p.score, p.id).toBeCloseTo(fromFiles.get(p.id)!, 1);
  });
});

describe('the report files', () => {
  it('JSON: versioned schema with the options and the saochep version', () => {
    const json = JSON.parse(jsonReport(result.report)) as Record<string, unknown>;
    expect(json).toMatchObject({
      schema: 'saochep-scan-report',
      schemaVersion: REPORT_SCHEMA_VERSION,
    });
    expect(Object.keys(json)).toEqual([
      'schema',
      'schemaVersion',
      'saochep',
      'input',
      'options',
      'summary',
      'plans',
      'clusters',
      'errors',
    ]);
    const plan = result.report.plans.find((p) => p.sources.length > 0)!;
    expect(plan.breakdown.fromReferences + plan.breakdown.fromPeers).toBeCloseTo(plan.score, 3);
  });

  it('CSV: a byte order mark, CRLF, one row per plan, fields that parse back', () => {
    const csv = csvReport(result.report);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows.length).toBe(result.report.plans.length + 1);
    const header = rows[0];
    for (const [k, p] of result.report.plans.entries()) {
      const row = Object.fromEntries(header.map((h, i) => [h, rows[k + 1][i]]));
      expect(row.id).toBe(p.id);
      expect(row.unit).toBe(p.unit ?? '');
      expect(Number(row.score)).toBeCloseTo(p.score, 4);
    }
    expect(csv.split('\r\n').length).toBe(rows.length + 1);
  });

  it('writeReport writes each format, by extension, as the string functions give it', async () => {
    const dir = join(tmp, 'reports');
    mkdirSync(dir);
    await writeReport(join(dir, 'r.json'), result.report);
    await writeReport(join(dir, 'r.CSV'), result.report);
    await writeReport(join(dir, 'r.htm'), result.report, result.texts, { language: 'en' });
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(jsonReport(result.report));
    expect(readFileSync(join(dir, 'r.CSV'), 'utf8')).toBe(csvReport(result.report));
    expect(readFileSync(join(dir, 'r.htm'), 'utf8')).toBe(
      htmlReport(result.report, result.texts, { language: 'en' }),
    );
    await expect(writeReport(join(dir, 'r.xlsx'), result.report)).rejects.toMatchObject({
      code: 'ERR_SAOCHEP_INVALID_OPTION',
    });
  });

  it('HTML: passages and texts only for the plans shown side by side', () => {
    const html = htmlReport(result.report, result.texts, { maxDetailPlans: 3 });
    const open = '<script type="application/json" id="saochep-data">';
    const json = html.slice(html.indexOf(open) + open.length, html.indexOf('</script>'));
    const data = JSON.parse(json) as { report: ScanReport; texts: Record<string, string> };
    const withSources = result.report.plans.filter((p) => p.sources.length > 0);
    const top = new Set(
      [...withSources]
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
        .slice(0, 3)
        .map((p) => p.id),
    );
    const shownSources = new Set(
      result.report.plans.filter((p) => top.has(p.id)).flatMap((p) => p.sources.map((s) => s.id)),
    );
    expect(withSources.length).toBeGreaterThan(3);
    expect(data.report.plans.map((p) => p.id)).toEqual(result.report.plans.map((p) => p.id));
    for (const [i, p] of data.report.plans.entries()) {
      const full = result.report.plans[i];
      expect(p.sources.map((s) => s.id)).toEqual(full.sources.map((s) => s.id));
      if (top.has(p.id)) {
        expect(p).toEqual(full);
        expect(data.texts[p.id]).toBe(result.texts.get(p.id));
      } else {
        for (const s of p.sources) expect(s.passages).toBeUndefined();
        if (!shownSources.has(p.id)) expect(data.texts[p.id]).toBeUndefined();
      }
    }
  });
});

describe('parseHeader', () => {
  it('reads a header merged onto one line', () => {
    const merged =
      'ĐẢNG CỘNG SẢN VIỆT NAM ĐẢNG BỘ HUYỆN NHƯ XUÂN ĐẢNG ỦY XÃ BÌNH THÀNH * Số 278-KH/ĐU Bình Thành, ngày 26 tháng 2 năm 2025\nKẾ HOẠCH\nTriển khai thực hiện Chỉ thị số 76/CT-UBND\nĐể triển khai…';
    expect(parseHeader(merged)).toEqual({
      unit: 'ĐẢNG BỘ HUYỆN NHƯ XUÂN ĐẢNG ỦY XÃ BÌNH THÀNH',
      number: '278-KH/ĐU',
      type: 'KẾ HOẠCH',
      typeFrom: 'line',
      title: 'Triển khai thực hiện Chỉ thị số 76/CT-UBND',
      date: '2025-02-26',
    });
  });
});

/** RFC 4180 parsing, for checking the CSV independently of how it was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
