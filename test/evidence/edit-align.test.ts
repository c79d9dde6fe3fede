/**
 * Passages and the score across the copier's edits, against independent
 * truth: a brute-force word alignment (dynamic programming) on small random
 * texts, planted copies whose edits are known word by word, and hand-checked
 * edits and findings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Random } from '../../corpus/generator/random.js';
import { PlanIndex, tokenize } from '../../src/index.js';
import { copiedByAlignment } from '../helpers/alignment.js';
import { SYLLABLES } from '../helpers/vietnamese.js';

/** No boilerplate, so that the alignment itself is what is measured. */
const PURE = { frame: false, learnedBoilerplate: 0 } as const;
const word = fc.constantFrom(...SYLLABLES);

/** Token index of each token of a space-joined text, by character offset of its start. */
function tokenOf(words: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  let at = 0;
  for (const [k, w] of words.entries()) {
    out.set(at, k);
    at += w.length + 1;
  }
  return out;
}

/** Tokens of the plan covered by the passages of its match with `id`. */
function covered(words: readonly string[], index: PlanIndex, id: string): boolean[] {
  const text = words.join(' ');
  const got = new Array<boolean>(words.length).fill(false);
  const starts = tokenOf(words);
  const match = index.check(text, { limit: 100 }).matches.find((m) => m.id === id);
  for (const p of match?.passages ?? [])
    for (const [offset, k] of starts) if (offset >= p.start && offset < p.end) got[k] = true;
  return got;
}

/** Substitute `rate` of the words (drawn with `seed`), returning the copy and which were kept. */
function substitute(
  source: readonly string[],
  seed: number,
  rate: number,
): { copy: string[]; kept: boolean[] } {
  const random = new Random(seed);
  const copy = [...source];
  const kept = new Array<boolean>(source.length).fill(true);
  for (let k = 0; k < source.length; k++) {
    if (random.next() < rate) {
      copy[k] = `x${random.pick(SYLLABLES)}`;
      kept[k] = false;
    }
  }
  return { copy, kept };
}

describe('passages across edits against a brute-force word alignment', () => {
  it('cover the tokens the dynamic-programming alignment says are copied, and end on the same words', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 150, maxLength: 260 }),
        fc.integer(),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.array(word, { minLength: 40, maxLength: 120 }),
        (source, seed, rate, fresh) => {
          const { copy } = substitute(source.slice(20, 140), seed, rate);
          const plan = [...fresh.slice(0, 20), ...copy, ...fresh.slice(20)];
          const index = new PlanIndex(PURE);
          index.add({ id: 's', text: source.join(' ') });
          const got = covered(plan, index, 's');
          const truth = copiedByAlignment(plan, source, 25);
          const disagree = got.filter((g, k) => g !== truth[k]).length;
          expect(disagree / plan.length).toBeLessThanOrEqual(0.08);
          const text = plan.join(' ');
          const sourceText = source.join(' ');
          const match = index.check(text).matches.find((m) => m.id === 's');
          for (const p of match?.passages ?? []) {
            const a = tokenize(text.slice(p.start, p.end));
            const b = tokenize(sourceText.slice(p.sourceStart, p.sourceEnd));
            // Both ends align the same words: no passage runs on into text the other side lacks.
            expect(a.slice(0, 3)).toEqual(b.slice(0, 3));
            expect(a.slice(-3)).toEqual(b.slice(-3));
          }
        },
      ),
      { numRuns: 40, seed: 101 },
    );
  });
});

describe('the score across edits', () => {
  it('never decreases when an edit is undone', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 120, maxLength: 200 }),
        fc.integer(),
        fc.double({ min: 0.05, max: 0.35, noNaN: true }),
        fc.nat(),
        (source, seed, rate, which) => {
          const { copy, kept } = substitute(source, seed, rate);
          const edited = kept.flatMap((k, i) => (k ? [] : [i]));
          if (edited.length === 0) return;
          const undone = [...copy];
          const at = edited[which % edited.length];
          undone[at] = source[at];
          const index = new PlanIndex(PURE);
          index.add({ id: 's', text: source.join(' ') });
          const before = index.check(copy.join(' ')).score;
          const after = index.check(undone.join(' ')).score;
          expect(after).toBeGreaterThanOrEqual(before - 1e-9);
        },
      ),
      { numRuns: 60, seed: 202 },
    );
  });

  it('stays within a bound of the true copied share for random edit rates', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 200, maxLength: 300 }),
        fc.integer(),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.integer({ min: 120, max: 220 }),
        fc.array(word, { minLength: 200, maxLength: 200 }),
        (source, seed, rate, copied, fresh) => {
          const { copy, kept } = substitute(source.slice(0, copied), seed, rate);
          const plan = [...copy, ...fresh.map((w) => `y${w}`)];
          const index = new PlanIndex(PURE);
          index.add({ id: 's', text: source.join(' ') });
          const { score } = index.check(plan.join(' '));
          // Truth: the copied region's share of the plan, and of it the words kept unchanged.
          const region = copy.length / plan.length;
          const unchanged = kept.filter(Boolean).length / plan.length;
          expect(score).toBeLessThanOrEqual(region + 0.03);
          expect(score).toBeGreaterThanOrEqual(unchanged - 0.08);
        },
      ),
      { numRuns: 40, seed: 303 },
    );
  });

  it('counts a source with one long copied stretch whatever its share of the plan', () => {
    const source = Array.from({ length: 900 }, (_, k) => SYLLABLES[(k * 7 + 3) % SYLLABLES.length]);
    const own = Array.from({ length: 500 }, (_, k) => `z${SYLLABLES[(k * 13) % SYLLABLES.length]}`);
    // 77 syllables of 577: 13% of the plan, under the old 20% cut-off.
    const plan = [...own.slice(0, 250), ...source.slice(400, 477), ...own.slice(250)];
    const index = new PlanIndex(PURE);
    index.add({ id: 's', text: source.join(' ') });
    const result = index.check(plan.join(' '));
    expect(result.matches[0]?.id).toBe('s');
    expect(result.score).toBeCloseTo(77 / plan.length, 2);
  });
});

describe('headings', () => {
  const NO_LEARNING = { learnedBoilerplate: 0 } as const;
  const HEADING = 'II. NHIỆM VỤ VÀ GIẢI PHÁP';
  const first =
    'Tăng cường công tác tuyên truyền, phổ biến pháp luật đến từng thôn, tổ dân phố trên địa bàn';
  const second =
    'Phối hợp với các cơ quan, đơn vị liên quan kiểm tra, đôn đốc việc thực hiện kế hoạch ở cơ sở';
  const more =
    ' hằng năm, bảo đảm mọi người dân đều nắm được quyền và nghĩa vụ của mình trong việc giải quyết thủ tục hành chính.';
  const check = (source: string, plan: string) => {
    const index = new PlanIndex(NO_LEARNING);
    index.add({ id: 's', text: source });
    return index.check(plan);
  };

  it('do not join two short shared sentences across a heading that only one side has', () => {
    const source = `${first}.\n${second}.`;
    const moved = `${first}.\n${HEADING}\n${second}.`;
    // Together the two sentences are a passage; apart, neither is one.
    expect(check(source, source).score).toBeGreaterThan(0.9);
    expect(check(`${HEADING}\n${source}`, moved).score).toBe(0);
    expect(check(moved, moved).score).toBeGreaterThan(0.9);
  });

  it('leave long copied paragraphs counted when the copier adds a heading between them', () => {
    const source = `${first}${more}\n${second}${more}`;
    const plan = `${first}${more}\n${HEADING}\n${second}${more}`;
    const result = check(source, plan);
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.matches[0].passages).toHaveLength(2);
  });

  describe('numbered sub-headings', () => {
    // Two sentences of 23 syllables: apart each is under minPassage (with a title's number too),
    // together with the title over twice it.
    const one = `${first} và khu dân cư`;
    const two = `${second} huyện`;
    const titled = (title: string) => `${one}.\n${title}\n${two}.`;
    const sourceTitle = '1. Quy hoạch mạng lưới trường, lớp';
    const otherTitle = '1. Xã hội hoá giáo dục';

    for (const [name, options] of [
      ['masked with the frame', NO_LEARNING],
      ['left in the text', { frame: false, learnedBoilerplate: 0 }],
    ] as const) {
      it(`do not join two short shared sentences across titles worded otherwise (${name})`, () => {
        const index = new PlanIndex(options);
        index.add({ id: 's', text: titled(sourceTitle) });
        // Together the two sentences are a passage; apart, neither is one.
        expect(index.check(titled(otherTitle)).score).toBe(0);
        expect(index.check(titled(sourceTitle)).score).toBeGreaterThan(0.9);
      });
    }

    it('join them across the same title renumbered or with its unit renamed', () => {
      const index = new PlanIndex({ frame: false, learnedBoilerplate: 0 });
      index.add({ id: 's', text: titled('1. Tổ chức tuyên truyền tại xã Nam Sơn') });
      const plan = titled('2. Tổ chức tuyên truyền tại xã Hòa Bình Tây');
      expect(index.check(plan).score).toBeGreaterThan(0.8);
    });

    it('join them across the same title lengthened, or with a year added to a title in capitals', () => {
      for (const [title, copied] of [
        ['1. Mục tiêu', '1. Mục tiêu chung và mục tiêu cụ thể'],
        ['II. NHIỆM VỤ VÀ GIẢI PHÁP', 'II. NHIỆM VỤ VÀ GIẢI PHÁP NĂM 2024'],
      ]) {
        const index = new PlanIndex(NO_LEARNING);
        index.add({ id: 's', text: titled(title) });
        expect(index.check(titled(copied)).score, copied).toBeGreaterThan(0.8);
      }
    });

    it('leave long copied paragraphs counted when the copier rewords a title between them', () => {
      const index = new PlanIndex(NO_LEARNING);
      index.add({ id: 's', text: `${first}${more}\n${sourceTitle}\n${second}${more}` });
      const result = index.check(`${first}${more}\n${otherTitle}\n${second}${more}`);
      expect(result.score).toBeGreaterThan(0.85);
      expect(result.matches[0].passages).toHaveLength(2);
    });
  });
});

describe('edits inside passages', () => {
  const base =
    'Ủy ban nhân dân huyện Nam Đàn tăng cường công tác tuyên truyền, phổ biến pháp luật đến từng thôn, ' +
    'tổ dân phố; phấn đấu đến ngày 12/3/2023 có 95% hộ gia đình được tiếp cận thông tin về cải cách hành chính, ' +
    'bảo đảm mọi người dân đều nắm được quyền và nghĩa vụ của mình trong việc giải quyết thủ tục hành chính.';
  const copy = base
    .replace('Nam Đàn', 'Hưng Nguyên')
    .replace('12/3/2023', '15/4/2024')
    .replace('tăng cường', 'đẩy mạnh');

  it('say which words of the plan replace which words of the source, as a name, a number or other words', () => {
    const index = new PlanIndex(PURE);
    index.add({ id: 's', text: base, meta: { number: '12/KH-UBND', unit: 'UBND huyện Nam Đàn' } });
    const result = index.check(copy);
    const [passage] = result.matches[0].passages;
    expect(passage.kind).toBe('edited');
    const shown = passage.edits.map((e) => [
      copy.slice(e.start, e.end),
      base.slice(e.sourceStart, e.sourceEnd),
      e.type,
    ]);
    expect(shown).toEqual([
      ['Hưng Nguyên', 'Nam Đàn', 'name'],
      ['đẩy mạnh', 'tăng cường', 'words'],
      ['15/4/2024', '12/3/2023', 'number'],
    ]);
  });

  it('keep one passage across a name changed at the end of a line; a heading on its own line separates two', () => {
    const second =
      'Các phòng, ban chuyên môn thường xuyên kiểm tra, đôn đốc việc thực hiện kế hoạch ở cơ sở, ' +
      'tổng hợp khó khăn, vướng mắc và đề xuất biện pháp tháo gỡ kịp thời trong quá trình triển khai thực hiện.';
    const source = `${base.replace(/\.$/, ' trên địa bàn xã Nam Sơn.')}\n${second}`;
    const renamed = source.replace('xã Nam Sơn.', 'xã Hòa Bình Tây.');
    const index = new PlanIndex(PURE);
    index.add({ id: 's', text: source });
    const passages = index.check(renamed).matches[0].passages;
    expect(passages.map((p) => [p.start, p.end])).toEqual([[0, renamed.length - 1]]);
    const names = passages[0].edits.map((e) => [renamed.slice(e.start, e.end), e.type]);
    expect(names).toContainEqual(['Hòa Bình Tây', 'name']);

    const withHeading = (text: string) =>
      text.replace('\nCác phòng', '\nIII. TỔ CHỨC THỰC HIỆN\nCác phòng');
    const framed = new PlanIndex();
    framed.add({ id: 's', text: withHeading(source) });
    const plan = withHeading(renamed);
    const split = framed.check(plan).matches[0].passages;
    expect(split).toHaveLength(2);
    expect(plan.slice(split[0].end, split[1].start)).toContain('TỔ CHỨC THỰC HIỆN');
  });

  it('reach over a name changed at the edge of a copied sentence, and not over other words', () => {
    const source = `Huyện Nam Đàn ${base.slice(base.indexOf('tăng cường'), -1)} tại xã Nam Sơn, xã Nam Anh.`;
    const index = new PlanIndex(PURE);
    index.add({ id: 's', text: source });
    const passageOf = (plan: string) => {
      const [passage, ...more] = index.check(plan).matches[0].passages;
      expect(more).toEqual([]);
      return passage;
    };
    const renamed = source
      .replace('Huyện Nam Đàn', 'Huyện Hưng Nguyên')
      .replace('xã Nam Sơn, xã Nam Anh.', 'xã Hưng Tây và thị trấn Hưng Nguyên.');
    const both = passageOf(renamed);
    expect([both.start, both.end]).toEqual([0, renamed.length - 1]);
    expect([both.sourceStart, both.sourceEnd]).toEqual([0, source.length - 1]);
    expect(
      both.edits.map((e) => [
        renamed.slice(e.start, e.end),
        source.slice(e.sourceStart, e.sourceEnd),
        e.type,
      ]),
    ).toEqual([
      // The first run starts after the name; the sentence's first word comes with the edit.
      ['Huyện Hưng Nguyên', 'Huyện Nam Đàn', 'name'],
      ['Hưng Tây và thị trấn Hưng Nguyên', 'Nam Sơn, xã Nam Anh', 'name'],
    ]);
    const reworded = renamed.replace(
      'xã Hưng Tây và thị trấn Hưng Nguyên.',
      'những nơi còn nhiều khó khăn.',
    );
    const words = passageOf(reworded);
    expect(reworded.slice(words.end)).toBe(' những nơi còn nhiều khó khăn.');
  });

  it('give a verbatim passage no edits, and a finding an inspector can paste', () => {
    const index = new PlanIndex(PURE);
    index.add({
      id: 's',
      text: base,
      meta: { number: '12/KH-UBND', unit: 'UBND huyện Nam Đàn', date: '2023-01-05' },
    });
    const verbatim = index.check(base).matches[0].passages[0];
    expect(verbatim).toMatchObject({ kind: 'verbatim', edits: [] });
    const renamed = base.replace('Nam Đàn', 'Hưng Nguyên').replace('12/3/2023', '15/4/2024');
    const result = index.check({ text: renamed, meta: { date: '2023-06-01' } });
    expect(result.finding.vi).toBe(
      `${Math.round(result.score * 100)}% nội dung chép từ Kế hoạch số 12/KH-UBND của UBND huyện Nam Đàn (ban hành trước), chỉ thay tên đơn vị, địa danh và số liệu, ngày tháng; ${Math.round((1 - result.score) * 100)}% là nội dung riêng.`,
    );
    expect(result.finding.en).toContain('copied from plan No. 12/KH-UBND of UBND huyện Nam Đàn');
    expect(result.finding.en).toContain('changing only the names of units and places and numbers');
    const honest = index.check(
      'Một văn bản khác hẳn, không có câu nào giống văn bản trong kho lưu trữ.',
    );
    expect(honest.finding.vi).toMatch(/^Không phát hiện sao chép đáng kể/);
  });
});

describe('reused alignment buffers', () => {
  it('give each alignment the result it has alone, whatever was aligned before it', () => {
    const random = new Random(41);
    const text = (words: number, lines: number) => {
      const out: string[] = [];
      for (let l = 0; l < lines; l++) {
        out.push(`${l + 1}. ${random.pick(SYLLABLES)} ${random.pick(SYLLABLES)}`);
        const line: string[] = [];
        for (let w = 0; w < words / lines; w++) line.push(random.pick(SYLLABLES));
        out.push(`${line.join(' ')}.`);
      }
      return out.join('\n');
    };
    const edit = (source: string, seed: number) =>
      substitute(source.split(' '), seed, 0.12).copy.join(' ');
    const sources = [text(80, 2), text(900, 12), text(300, 5)];
    const index = new PlanIndex(PURE);
    sources.forEach((s, k) => index.add({ id: `s${k}`, text: s }));
    const plans = sources.map((s, k) => edit(s, k + 1));
    const json = (k: number) => JSON.stringify(index.check(plans[k], { limit: 10 }));
    const alone = plans.map((_, k) => json(k));
    expect(JSON.parse(alone[1]).score).toBeGreaterThan(0.5);
    // Longer alignments, then shorter ones, then longer again: nothing left over changes a result.
    for (const k of [1, 0, 2, 1, 0, 0, 2]) expect(json(k)).toBe(alone[k]);
  });
});
