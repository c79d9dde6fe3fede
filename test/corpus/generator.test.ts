/**
 * The corpus generator checks what it claims: recorded passages are where the
 * truth says in both documents, shares add up, the committed sample is its
 * seed's output, and honest plans share little body text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Archive, type PlanTruth, generateArchive } from '../../corpus/generator/archive.js';
import { applyDamage, DAMAGE_KINDS } from '../../corpus/generator/damage/damage.js';
import { applyReplacements } from '../../corpus/generator/doc.js';
import { KIND_WEIGHTS } from '../../corpus/generator/plan.js';
import { Random } from '../../corpus/generator/random.js';
import { archiveOutputs } from '../../corpus/generator/write.js';
import { normalizeText, tokenize } from '../../src/index.js';
import { shingleText } from '../../src/sketch/index.js';
import { unzipStored } from '../helpers/zip.js';
import { SAMPLE } from '../helpers/paths.js';

const archive: Archive = generateArchive({ plans: 400, seed: 11 });
const fileText = (id: string) => archive.files.get(id)!.text;

/** Share of a's tokens, as a multiset, that b also has. */
function tokenAgreement(a: string, b: string): number {
  const ta = tokenize(a);
  const counts = new Map<string, number>();
  for (const t of tokenize(b)) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of ta) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      same++;
      counts.set(t, n - 1);
    }
  }
  return ta.length === 0 ? 1 : same / ta.length;
}

function containment(a: Uint32Array, b: Uint32Array): number {
  const set = new Set(b);
  const own = new Set(a);
  let n = 0;
  for (const h of own) if (set.has(h)) n++;
  return own.size === 0 ? 0 : n / own.size;
}

describe('generated archive', () => {
  it('traces every copied sentence exactly to its source (clean text)', () => {
    let copied = 0;
    for (const plan of archive.plans) {
      for (const piece of plan.doc.pieces) {
        if (!piece.copy) continue;
        copied++;
        const source = piece.copy.source.pieces[piece.copy.sourcePiece];
        expect(applyReplacements(source.text, piece.copy.replacements)).toBe(piece.text);
        expect(plan.doc.text.slice(piece.start, piece.end)).toBe(piece.text);
        expect(piece.copy.source.text.slice(source.start, source.end)).toBe(source.text);
        if (piece.copy.obfuscation === 'none') expect(piece.text).toBe(source.text);
      }
    }
    expect(copied).toBeGreaterThan(1000);
  });

  it('records passages whose text is at the recorded offsets of both files, once the damage is undone', () => {
    let checked = 0;
    for (const truth of archive.truth.plans) {
      const lossy = truth.damage.includes('lost-soft-hyphens');
      for (const p of truth.passages) {
        // normalizeText undoes encodings, NFD and tone style; line breaks from PDF stay, so compare words.
        const here = normalizeText(fileText(truth.id).slice(p.start, p.end)).replace(/\s+/g, ' ');
        const there = normalizeText(fileText(p.source).slice(p.sourceStart, p.sourceEnd)).replace(
          /\s+/g,
          ' ',
        );
        const sourceLossy = archive.truth.plans
          .find((t) => t.id === p.source)
          ?.damage.includes('lost-soft-hyphens');
        if (p.obfuscation === 'none' && !lossy && !sourceLossy) {
          expect(here, `${truth.id} ← ${p.source}`).toBe(there);
        } else {
          // Renamed or edited copies, or text whose lost ư were guessed back: mostly the same words.
          expect(tokenAgreement(here, there), `${truth.id} ← ${p.source}`).toBeGreaterThan(0.5);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('damage maps point at the same text: any clean range reads the same in the damaged file', () => {
    const rng = new Random(3);
    const clean = archive.plans[0].doc.text;
    for (const kind of DAMAGE_KINDS.filter((k) => k !== 'lost-soft-hyphens')) {
      const damaged = applyDamage(clean, [kind], rng);
      for (let k = 0; k < 50; k++) {
        let a = rng.int(0, clean.length - 1);
        let b = rng.int(a, clean.length);
        // Whole words: a range that splits a word is not a fair comparison.
        while (a > 0 && /\S/.test(clean[a - 1])) a--;
        while (b < clean.length && /\S/.test(clean[b])) b++;
        expect(tokenize(damaged.text.slice(damaged.map[a], damaged.map[b])), kind).toEqual(
          tokenize(clean.slice(a, b)),
        );
      }
    }
  });

  it('has shares that add up and sources for every copy', () => {
    for (const t of archive.truth.plans) {
      expect(t.shareFromDirective + t.shareFromPeers).toBeCloseTo(t.shareCopied, 3);
      expect(t.shareCopied).toBeGreaterThanOrEqual(0);
      expect(t.shareCopied).toBeLessThanOrEqual(1);
      if (t.kind === 'original') {
        expect(t.passages).toHaveLength(0);
        expect(t.sources).toHaveLength(0);
      } else {
        expect(t.passages.length, t.id).toBeGreaterThan(0);
        expect(t.sources).toEqual([...new Set(t.passages.map((p) => p.source))].sort());
      }
      if (t.damage.length === 0) {
        const copied = t.passages.reduce((sum, p) => sum + (p.end - p.start), 0);
        expect(copied / (t.body.end - t.body.start)).toBeCloseTo(t.shareCopied, 3);
      }
      // Passages are in order and do not overlap.
      for (let k = 1; k < t.passages.length; k++) {
        expect(t.passages[k].start).toBeGreaterThanOrEqual(t.passages[k - 1].end);
      }
    }
  });

  it('copies only from documents that existed: the directive and earlier plans', () => {
    const dates = new Map(archive.truth.plans.map((t) => [t.id, t.date]));
    for (const t of archive.truth.plans) {
      for (const source of t.sources) {
        if (source.startsWith('D')) expect(source).toBe(t.directive);
        else
          expect(
            dates.get(source)! < t.date,
            `${t.id} (${t.date}) ← ${source} (${dates.get(source)})`,
          ).toBe(true);
      }
    }
  });

  it('has every kind of copying in about its intended proportion', () => {
    const big = generateArchive({ plans: 1000, seed: 5 });
    const counts = new Map<string, number>();
    for (const t of big.truth.plans) counts.set(t.kind, (counts.get(t.kind) ?? 0) + 1);
    for (const [kind, weight] of Object.entries(KIND_WEIGHTS)) {
      const share = (counts.get(kind) ?? 0) / big.truth.plans.length;
      expect(share, kind).toBeGreaterThan(weight * 0.4);
      expect(share, kind).toBeLessThan(weight * 1.8);
    }
  });

  it('makes honest plans for the same directive share little body text, and copies a lot', () => {
    // The body without the preamble, which every plan writes around the directive's title.
    const plans = new Map(archive.plans.map((p) => [p.id, p]));
    const body = (t: PlanTruth) =>
      shingleText(
        plans
          .get(t.id)!
          .doc.pieces.filter((piece) => piece.role === 'body')
          .map((piece) => piece.text)
          .join('\n'),
      );
    const originals = archive.truth.plans.filter(
      (t) => t.kind === 'original' && t.damage.length === 0,
    );
    const shingles = new Map(originals.map((t) => [t.id, body(t)]));
    const pairs: number[] = [];
    for (const a of originals) {
      for (const b of originals) {
        if (a !== b && a.directive === b.directive)
          pairs.push(containment(shingles.get(a.id)!, shingles.get(b.id)!));
      }
    }
    const mean = pairs.reduce((s, x) => s + x, 0) / pairs.length;
    expect(pairs.length).toBeGreaterThan(100);
    expect(mean).toBeLessThan(0.12);
    const renamed = archive.truth.plans.filter(
      (t) => t.kind === 'peer-renamed' && t.damage.length === 0,
    );
    for (const t of renamed.slice(0, 20)) {
      const source = archive.truth.plans.find((s) => s.id === t.sources[0])!;
      expect(containment(body(t), body(source)), t.id).toBeGreaterThan(0.3);
    }
  });

  it('is deterministic: the same seed gives the same bytes, another seed other plans', () => {
    const again = archiveOutputs(generateArchive({ plans: 60, seed: 11 }), { jsonl: true });
    const first = archiveOutputs(generateArchive({ plans: 60, seed: 11 }), { jsonl: true });
    expect([...again.keys()]).toEqual([...first.keys()]);
    for (const [path, bytes] of first)
      expect(Buffer.from(again.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
    const other = archiveOutputs(generateArchive({ plans: 60, seed: 12 }), { jsonl: true });
    expect(
      Buffer.from(other.get('truth.json')!).equals(Buffer.from(first.get('truth.json')!)),
    ).toBe(false);
  });

  it('writes .docx files whose paragraphs are the plan text', () => {
    const outputs = archiveOutputs(archive, { jsonl: false });
    const docxFiles = [...archive.files.values()].filter((f) => f.format === 'docx');
    expect(docxFiles.length).toBeGreaterThan(5);
    for (const file of docxFiles) {
      const entries = unzipStored(outputs.get(file.path)!);
      const xml = new TextDecoder().decode(entries.get('word/document.xml'));
      const paragraphs = [
        ...xml.matchAll(
          /<w:p>(?:<w:r><w:t xml:space="preserve">(.*?)<\/w:t><\/w:r>)?<\/w:p>|<w:p\/>/g,
        ),
      ].map((m) => (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
      expect(paragraphs.join('\n')).toBe(file.text);
    }
  });

  it('writes a JSONL form of the whole archive', () => {
    const outputs = archiveOutputs(archive, { jsonl: true });
    const rows = new TextDecoder()
      .decode(outputs.get('archive.jsonl'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(archive.plans.length + archive.directives.length);
    const p = rows.find((r) => r.id === archive.plans[3].id);
    expect(p.text).toBe(fileText(p.id));
    expect(Object.keys(p.meta).sort()).toEqual(['date', 'number', 'title', 'unit']);
  });
});

describe('the committed sample, corpus/sample', () => {
  const truth = JSON.parse(readFileSync(join(SAMPLE, 'truth.json'), 'utf8'));

  it('is the output of its recorded seed, byte for byte', () => {
    const { seed, plans, formats } = truth.generator;
    const outputs = archiveOutputs(generateArchive({ plans, seed, formats }), { jsonl: false });
    const onDisk = [
      'truth.json',
      ...readdirSync(join(SAMPLE, 'plans')).map((f) => `plans/${f}`),
      ...readdirSync(join(SAMPLE, 'directives')).map((f) => `directives/${f}`),
    ].sort();
    expect([...outputs.keys()].sort()).toEqual(onDisk);
    for (const [path, bytes] of outputs) {
      expect(readFileSync(join(SAMPLE, path)).equals(Buffer.from(bytes)), path).toBe(true);
    }
  });

  it('is about 300 plans in under 3 MB, with damaged files and .docx among them', () => {
    expect(truth.plans.length).toBeGreaterThanOrEqual(250);
    const bytes = truth.plans.reduce(
      (sum: number, p: PlanTruth) => sum + readFileSync(join(SAMPLE, p.file)).length,
      readFileSync(join(SAMPLE, 'truth.json')).length,
    );
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
    const damage = new Set(truth.plans.flatMap((p: PlanTruth) => p.damage));
    for (const kind of DAMAGE_KINDS) expect(damage.has(kind), kind).toBe(true);
    expect(truth.plans.some((p: PlanTruth) => p.format === 'docx')).toBe(true);
    expect(truth.plans.some((p: PlanTruth) => p.encoding === 'latin1')).toBe(true);
  });
});
