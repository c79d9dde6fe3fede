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
import type { AlignedPassage } from '../../src/evidence/edit-align.js';
import { PlanIndex } from '../../src/index.js';
import {
  SECTION_COMMON_SHARE,
  SECTION_OWN_MATCHED,
  SECTION_PASSAGES,
  dropSharedStock,
} from '../../src/plan-index/copied-share.js';
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

describe('sections of the genre in a large archive', () => {
  // Hand-written template sentences of one subject, each with a slot filled from two choices, so that
  // in 60 of 2,400 plans (2.5%) the whole section is common phrasing (1% of the archive) but not stock (5%).
  const TEMPLATE: Array<[string, [string, string], string]> = [
    [
      '- Tỷ lệ hộ gia đình được tuyên truyền về phòng, chống ma túy đạt từ',
      ['chín mươi phần trăm', 'tám mươi lăm phần trăm'],
      'trở lên.',
    ],
    [
      '- Phấn đấu mỗi thôn, tổ dân phố có ít nhất',
      ['một mô hình tự quản', 'hai tổ tự quản'],
      'về an ninh trật tự.',
    ],
    [
      '- Số người sau cai nghiện được quản lý, hỗ trợ học nghề đạt',
      ['bảy mươi phần trăm', 'sáu mươi phần trăm'],
      'trong năm.',
    ],
  ];
  const HEADING = '\nII. MỤC TIÊU CỤ THỂ\n';
  const next = random(20261203);
  /** Lines of 25 random syllables: text of a plan's own. */
  const ownText = (n: number) => {
    const lines: string[] = [];
    for (let k = 0; k < n; k += 25)
      lines.push(
        `${Array.from({ length: Math.min(25, n - k) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(' ')}.`,
      );
    return lines.join('\n');
  };
  const section = () =>
    TEMPLATE.map(
      ([before, fills, after]) => `${before} ${fills[next() < 0.5 ? 0 : 1]} ${after}`,
    ).join('\n');
  const docs = Array.from({ length: 2400 }, (_, k) => ({
    id: `D${String(k).padStart(4, '0')}`,
    text: k < 60 ? `${ownText(250)}${HEADING}${section()}` : ownText(250),
  }));
  const index = new PlanIndex({ frame: false });
  index.addAll(docs);

  it('an honest plan that fills the template as its peers did stays low', () => {
    const honest = `${ownText(250)}${HEADING}${section()}`;
    expect(index.check(honest).score).toBeLessThan(0.15);
    // Control: without learned phrases the same section is found as a passage of the peers.
    const unlearned = new PlanIndex({ frame: false, learnedBoilerplate: 0 });
    unlearned.addAll(docs);
    expect(unlearned.check(honest).score).toBeGreaterThanOrEqual(0.15);
  });

  it('a plan that takes more than the section from a peer still counts the section', () => {
    const [peerOwn, peerSection] = docs[7].text.split(HEADING);
    const taken = peerOwn.split('\n').slice(0, 4).join('\n');
    const copy = `${ownText(250)}\n${taken}${HEADING}${peerSection}`;
    const result = index.check(copy);
    const top = result.matches[0];
    expect(top.id).toBe(docs[7].id);
    const shown = top.passages.map((p) => copy.slice(p.start, p.end)).join('\n');
    expect(shown).toContain(TEMPLATE[2][0].slice(2));
    // 100 of the peer's own syllables and its three template sentences, of about 400: without the
    // section the score would be about 0.25.
    expect(result.score).toBeGreaterThan(0.3);
  });

  describe('the rule at its edges (dropSharedStock)', () => {
    const MIN = 25;
    const n = 200;
    const own = new Uint8Array(n).fill(1);
    /** A passage of `length` own tokens from 0, all matched, cut from a stretch of `stretch`. */
    const passage = (length: number, stretch = length): AlignedPassage => ({
      start: 0,
      end: length,
      sourceStart: 0,
      sourceEnd: length,
      own: length,
      matched: length,
      stretchOwn: stretch,
      edits: [],
    });
    /** Common phrasing on the first `share` of the passage's tokens. */
    const commonOn = (length: number, share: number) => {
      const common = new Uint8Array(n);
      common.fill(1, 0, Math.ceil(share * length));
      return common;
    };
    const kept = (p: AlignedPassage, common: Uint8Array, largeArchive: boolean) => {
      const aligned: Array<AlignedPassage[] | undefined> = [[p]];
      dropSharedStock(aligned, [false], own, MIN, common, largeArchive);
      return aligned[0]!.length === 1;
    };
    const length = 2 * MIN + 10;

    it('drops a section of common phrasing only in a large archive', () => {
      expect(kept(passage(length), commonOn(length, SECTION_COMMON_SHARE), true)).toBe(false);
      expect(kept(passage(length), commonOn(length, SECTION_COMMON_SHARE), false)).toBe(true);
      expect(kept(passage(length), commonOn(length, SECTION_COMMON_SHARE - 0.05), true)).toBe(true);
    });

    it('drops a section whose matched words are all common phrasing, its slots filled otherwise', () => {
      // Half the passage common phrasing; the other half the plan's own words in the template's slots.
      const common = new Uint8Array(n);
      for (let t = 0; t < length; t += 2) common[t] = 1;
      const slots = Array.from({ length: length / 2 }, (_, k) => ({
        start: 2 * k + 1,
        end: 2 * k + 2,
        sourceStart: 2 * k + 1,
        sourceEnd: 2 * k + 2,
        type: 'words' as const,
      }));
      const filled = { ...passage(length), matched: length / 2, edits: slots };
      expect(kept(filled, common, true)).toBe(false);
      // The same words matched in the slots too: the plan took the source's words, not just its template.
      expect(kept(passage(length), common, true)).toBe(true);
      // Slots of their own but for SECTION_OWN_MATCHED × minPassage: matched outside the template.
      const some = Math.ceil(SECTION_OWN_MATCHED * MIN);
      const partly = { ...filled, edits: slots.slice(some), matched: length / 2 + some };
      expect(kept(partly, common, true)).toBe(true);
    });

    it('keeps a stretch or a source of three times minPassage', () => {
      const at = SECTION_PASSAGES * MIN;
      expect(kept(passage(at - 1), commonOn(at - 1, 1), true)).toBe(false);
      expect(kept(passage(at), commonOn(at, 1), true)).toBe(true);
      expect(kept(passage(length, at), commonOn(length, 1), true)).toBe(true);
      // Two passages of 40 from one source: 80 own tokens supplied, a copy's source.
      const second: AlignedPassage = { ...passage(40, 60), start: 40, end: 80 };
      const aligned: Array<AlignedPassage[] | undefined> = [[passage(40, 60), second]];
      dropSharedStock(aligned, [false], own, MIN, commonOn(80, 1), true);
      expect(aligned[0]!.length).toBe(2);
      const alone: Array<AlignedPassage[] | undefined> = [[passage(40, 60)]];
      dropSharedStock(alone, [false], own, MIN, commonOn(80, 1), true);
      expect(alone[0]!.length).toBe(0);
    });
  });
});
