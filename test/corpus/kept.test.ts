/**
 * What the streaming generator keeps of a plan reads, to a copier, the same as
 * the whole plan: text, lines, pieces, where copied text first appeared, and
 * the names a copier renames.
 */
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { keepPlan, sourceOf } from '../../corpus/generator/kept.js';

describe('keepPlan and sourceOf', () => {
  const archive = generateArchive({ plans: 120, seed: 3 });

  it('give back every plan as its copiers read it', () => {
    let copied = 0;
    for (const plan of archive.plans) {
      const source = sourceOf(keepPlan(plan));
      expect(source.id).toBe(plan.id);
      expect(source.writer.lead).toBe(plan.writer.lead);
      for (const key of [
        'name',
        'short',
        'area',
        'superior',
        'partyOrganisation',
        'localities',
      ] as const)
        expect(source.unit[key]).toEqual(plan.unit[key]);
      const doc = source.doc;
      expect(doc.id).toBe(plan.doc.id);
      expect(doc.text).toBe(plan.doc.text);
      expect(doc.lines.map((l) => [l.role, l.prefix, l.section])).toEqual(
        plan.doc.lines.map((l) => [l.role, l.prefix, l.section]),
      );
      expect(doc.lines.map((l) => l.pieces.map((p) => p.text))).toEqual(
        plan.doc.lines.map((l) => l.pieces.map((p) => p.text)),
      );
      expect(doc.pieces.map((p) => [p.text, p.start, p.end, p.line, p.role, p.copy?.root])).toEqual(
        plan.doc.pieces.map((p) => [p.text, p.start, p.end, p.line, p.role, p.copy?.root]),
      );
      copied += doc.pieces.filter((p) => p.copy).length;
    }
    expect(copied).toBeGreaterThan(100);
  });
});
