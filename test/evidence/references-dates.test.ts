/**
 * Directives as references (restating the directive is its own finding),
 * who copied whom by date, and evidence that survives a save and a load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { PlanIndex } from '../../src/index.js';

const archive = generateArchive({ plans: 150, seed: 29 });
const fileText = (id: string) => archive.files.get(id)!.text;
const plans = archive.truth.plans;

function archiveIndex(options?: ConstructorParameters<typeof PlanIndex>[0]): PlanIndex {
  const index = new PlanIndex(options);
  for (const d of archive.truth.directives)
    index.addReference({ id: d.id, text: fileText(d.id), meta: { date: d.date } });
  for (const p of plans) index.add({ id: p.id, text: fileText(p.id), meta: { date: p.date } });
  return index;
}
const index = archiveIndex();
const check = (id: string) => {
  const p = plans.find((x) => x.id === id)!;
  return index.check(
    { text: fileText(id), meta: { date: p.date } },
    { onlyEarlier: true, exclude: [id], limit: 50 },
  );
};

describe('references', () => {
  it('tell restating the directive (fromReferences) from copying a peer (fromPeers)', () => {
    const restating = plans.filter((p) => p.kind === 'restates-directive');
    expect(restating.length).toBeGreaterThan(10);
    let found = 0;
    for (const p of restating) {
      const r = check(p.id);
      const directive = r.matches.find((m) => m.id === p.directive);
      expect(directive?.reference, p.id).toBe(true);
      expect(r.breakdown.fromReferences, p.id).toBeGreaterThan(r.breakdown.fromPeers);
      // The truth's share is of the whole body, headings included; the breakdown is of the plan's
      // own content (boilerplate set aside), so it is at least as large.
      if (r.breakdown.fromReferences >= p.shareFromDirective - 0.05) found++;
    }
    expect(found / restating.length).toBeGreaterThan(0.9);
    const renamed = plans.filter((p) => p.kind === 'peer-renamed' && p.shareFromDirective === 0);
    for (const p of renamed) {
      const r = check(p.id);
      expect(r.breakdown.fromPeers, p.id).toBeGreaterThan(r.breakdown.fromReferences);
      expect(r.matches.find((m) => m.id === p.sources[0])?.reference).toBe(false);
    }
  });

  it('give a breakdown that adds up: score = fromReferences + fromPeers = 1 − original', () => {
    for (const p of plans.slice(0, 60)) {
      const { score, breakdown } = check(p.id);
      expect(breakdown.fromReferences + breakdown.fromPeers).toBeCloseTo(score, 10);
      expect(breakdown.original).toBeCloseTo(1 - score, 10);
      for (const v of Object.values(breakdown)) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  it('count text found in both a reference and a peer as from the reference', () => {
    const directive = archive.truth.directives[0];
    const text = fileText(directive.id);
    const small = new PlanIndex();
    small.addReference({ id: 'directive', text });
    small.add({ id: 'peer', text }); // a peer that copied the whole directive
    const plan = text.split('\n').slice(8, 30).join('\n');
    const r = small.check(plan);
    expect(r.score).toBeGreaterThan(0.8);
    expect(r.breakdown.fromReferences).toBeCloseTo(r.score, 10);
    expect(r.breakdown.fromPeers).toBe(0);
  });
});

describe('dates', () => {
  const [a, b] = [plans[0], plans[1]];
  const body = (id: string) => {
    const t = plans.find((p) => p.id === id)!;
    return fileText(id).slice(t.body.start, t.body.end);
  };
  const copy = `${body(a.id)}\n${body(b.id)}`;
  const small = new PlanIndex();
  small.add({ id: 'A', text: body(a.id), meta: { date: '2021-03-01' } });
  // B has no meta: its date comes from its own date line.
  small.add({ id: 'B', text: `Hà Nội, ngày 5 tháng 7 năm 2021\n${body(b.id)}` });
  small.add({ id: 'undated', text: body(a.id) });

  it('mark sources dated before the plan as earlier, from meta or from the date line', () => {
    const r = small.check({ text: copy, meta: { date: '15/05/2021' } });
    const byId = new Map(r.matches.map((m) => [m.id, m]));
    expect(byId.get('A')?.earlier).toBe(true);
    expect(byId.get('B')?.earlier).toBe(false);
    expect(byId.get('undated')?.earlier).toBeUndefined();
  });

  it('take the plan date from options.date, else meta.date, else its own date line', () => {
    const dated = `Tân Lập, ngày 1 tháng 8 năm 2021\n${copy}`;
    expect(small.check(dated).matches.find((m) => m.id === 'B')?.earlier).toBe(true);
    expect(
      small.check({ text: dated, meta: { date: '2021-06-01' } }).matches.find((m) => m.id === 'B')
        ?.earlier,
    ).toBe(false);
    expect(
      small
        .check(
          { text: dated, meta: { date: '2021-06-01' } },
          { date: new Date(Date.UTC(2021, 9, 1)) },
        )
        .matches.find((m) => m.id === 'B')?.earlier,
    ).toBe(true);
  });

  it('count only earlier sources with onlyEarlier; the same day only with includeSameDay', () => {
    const all = small.check({ text: copy, meta: { date: '2021-05-15' } });
    const earlier = small.check(
      { text: copy, meta: { date: '2021-05-15' } },
      { onlyEarlier: true },
    );
    expect(earlier.matches.map((m) => m.id)).not.toContain('B');
    expect(earlier.score).toBeLessThan(all.score - 0.2);
    const sameDay = { text: copy, meta: { date: '2021-07-05' } };
    expect(small.check(sameDay, { onlyEarlier: true }).matches.map((m) => m.id)).not.toContain('B');
    expect(
      small.check(sameDay, { onlyEarlier: true, includeSameDay: true }).matches.map((m) => m.id),
    ).toContain('B');
  });

  it('find who copied whom in a generated archive: every recorded source is earlier', () => {
    for (const p of plans.filter((x) => x.sources.length > 0).slice(0, 40)) {
      const r = check(p.id);
      for (const source of p.sources) {
        const m = r.matches.find((x) => x.id === source);
        if (m && !m.reference) expect(m.earlier, `${p.id} ← ${source}`).toBe(true);
      }
    }
  });
});

describe('evidence after a save and a load', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'saochep-evidence-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const probes = plans.filter((p) => p.sources.length > 0).slice(0, 12);
  const results = (ix: PlanIndex) =>
    probes.map((p) =>
      ix.check(
        { text: fileText(p.id), meta: { date: p.date } },
        { onlyEarlier: true, exclude: [p.id], limit: 50 },
      ),
    );

  it('keeps texts and references: every check, passages included, is the same', async () => {
    const path = join(tmp, 'archive.idx');
    await index.save(path);
    const loaded = await PlanIndex.load(path);
    expect(results(loaded)).toEqual(results(index));
  });

  it('without kept texts, takes passages from loadText, and gives none without it', () => {
    const lean = archiveIndex({ keepTexts: false, loadText: (id) => fileText(id) });
    expect(results(lean)).toEqual(results(index));
    expect(lean.memoryUsage().texts).toBe(0);
    expect(index.memoryUsage().texts).toBeGreaterThan(0);
    // Without any text the score falls back to the fingerprints' dense segments: they see
    // near-verbatim stretches only, but not the alignment's rules for short stretches (a core only
    // names and numbers interrupt, sentences many sources share), so it is at most a little above.
    const loaded = PlanIndex.deserialize(lean.serialize());
    for (const [k, r] of results(loaded).entries()) {
      const aligned = results(index)[k].score;
      expect(r.score).toBeLessThanOrEqual(aligned + 0.15);
      if (aligned >= 0.5) expect(r.score).toBeGreaterThan(0.15);
      for (const m of r.matches) expect(m.passages).toEqual([]);
    }
    const reloaded = PlanIndex.deserialize(lean.serialize(), { loadText: (id) => fileText(id) });
    expect(results(reloaded)).toEqual(results(index));
  });
});
