/**
 * Template sentences of the genre, learned from the archive's document
 * frequencies: a sentence that several plans write with their own names in its
 * slots is not a copy from one of them, even when the check aligns only one of
 * those plans; a plan copied with its names changed still is. And a phrase that
 * several directives use is the genre's, while one directive's own text stays
 * visible however many plans restate it.
 *
 * The archive is generated here: random syllables for each plan's own text,
 * and a few template sentences with place names in their slots.
 */
import { describe, expect, it } from 'vitest';
import { PlanIndex } from '../../src/index.js';
import { SYLLABLES } from '../helpers/vietnamese.js';

/** A small deterministic generator (mulberry32), independent of src/. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(20261202);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const words = (n: number) => Array.from({ length: n }, () => pick(SYLLABLES)).join(' ');

/** Place names for the slots: capitalised, as a unit or a commune is written. */
const NAMES = Array.from({ length: 60 }, (_, k) => {
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  return `xã ${cap(SYLLABLES[k])} ${cap(pick(SYLLABLES))}`;
});

/** A paragraph of the plan's own (random syllables: shared with nobody), with a name in it. */
const ownParagraph = () => `${words(20)} ${pick(NAMES)} ${words(20)}, ${words(30)}.`;

/** Template sentences with two name slots between fixed runs of 9 to 12 syllables. */
const TEMPLATES = Array.from({ length: 4 }, () => {
  const [a, b, c] = [words(12), words(10), words(9)];
  return (x: string, y: string) => `${a} ${x} ${b} ${y} ${c}.`;
});

/** A plan: its own paragraphs, and the given templates each on a line of its own with its names. */
function plan(templates: number[], paragraphs = 8): string {
  const lines: string[] = [];
  for (let k = 0; k < paragraphs; k++) {
    lines.push(ownParagraph());
    if (k < templates.length) lines.push(TEMPLATES[templates[k]](pick(NAMES), pick(NAMES)));
  }
  return lines.join('\n');
}

/** The same text with every name replaced by another. */
function renamed(text: string): string {
  return text.replace(/xã \p{Lu}\p{Ll}* \p{Lu}\p{Ll}*/gu, (name) =>
    pick(NAMES.filter((n) => n !== name)),
  );
}

/**
 * 200 plans. Plans 0–31 use template k % 4: eight plans each, more than the
 * common share (1%, at least 5 documents), less than the stock share (5%).
 * Of each template's eight, one is dated in January, the others in December.
 */
const PLANS = Array.from({ length: 200 }, (_, k) => ({
  id: `P${k}`,
  text: k < 32 ? plan([k % 4]) : plan([]),
  meta: { date: k < 4 ? '2023-01-15' : '2023-12-15' },
}));

/** The honest plan: its own text, and all four templates with names of its own. */
const HONEST = plan([0, 1, 2, 3]);

function archive(options: ConstructorParameters<typeof PlanIndex>[0] = {}): PlanIndex {
  const index = new PlanIndex({ frame: false, ...options });
  index.addAll(PLANS);
  return index;
}

describe('template sentences with other names in their slots', () => {
  const learned = archive();
  // The same archive where nothing is learned: the evidence the rule works on is real.
  const unlearned = archive({ learnFrom: 100_000 });
  it('do not make an honest plan a copy, even when one earlier plan each is aligned', () => {
    // One earlier plan per template: the check's own sources cannot tell the template
    // from a copy; the archive's frequencies can.
    const date = '2023-02-01';
    const before = unlearned.check({ text: HONEST, meta: { date } }, { onlyEarlier: true });
    const after = learned.check({ text: HONEST, meta: { date } }, { onlyEarlier: true });
    expect(before.score).toBeGreaterThanOrEqual(0.15);
    expect(after.score).toBeLessThan(0.15);
    // Nor at any date, nor with every plan as a possible source.
    expect(learned.check(HONEST).score).toBeLessThan(0.15);
  });

  it('still count inside a copy: a plan copied with its names changed scores ≥ 0.8', () => {
    for (const source of PLANS.slice(0, 24)) {
      const copy = renamed(source.text);
      expect(copy).not.toBe(source.text);
      const result = learned.check(copy);
      expect(result.matches[0].id).toBe(source.id);
      expect(result.score).toBeGreaterThanOrEqual(0.8);
    }
  });
});

describe('phrases of the directives', () => {
  /** A phrase every directive uses, and each directive's own paragraph. */
  const GENRE = words(28);
  const directives = Array.from({ length: 6 }, (_, k) => ({
    id: `D${k}`,
    text: `${ownParagraph()}\n${GENRE} ${pick(NAMES)}.\n${ownParagraph()}`,
  }));
  // A fifth of the plans restate directive D0's first paragraph; most plans use the genre's phrase.
  const restated = directives[0].text.split('\n')[0];
  const plans = Array.from({ length: 200 }, (_, k) => ({
    id: `Q${k}`,
    text: [
      ownParagraph(),
      k % 5 === 0 ? restated : ownParagraph(),
      k % 3 !== 0 ? `${GENRE} ${pick(NAMES)}, ${words(6)}.` : ownParagraph(),
      ownParagraph(),
    ].join('\n'),
  }));
  const index = new PlanIndex({ frame: false });
  for (const d of directives) index.addReference(d);
  index.addAll(plans);
  const own = [ownParagraph(), ownParagraph(), ownParagraph()];

  it('a phrase several directives share is learned as the genre’s', () => {
    const text = [own[0], `${GENRE} ${pick(NAMES)}, ${words(6)}.`, own[1], own[2]].join('\n');
    const result = index.check(text);
    expect(result.score).toBeLessThan(0.05);
    const unlearned = new PlanIndex({ frame: false, learnFrom: 100_000 });
    for (const d of directives) unlearned.addReference(d);
    unlearned.addAll(plans);
    expect(unlearned.check(text).score).toBeGreaterThan(0.1);
  });

  it('one directive’s own text counts however many plans restate it', () => {
    const result = index.check([own[0], restated, own[1]].join('\n'));
    expect(result.breakdown.fromReferences).toBeGreaterThan(0.2);
    expect(result.matches[0].id).toBe('D0');
  });
});
