/**
 * Boilerplate that does not count: the administrative frame (also merged onto
 * one line by an extractor), stock phrases learned from the archive, and the
 * user's own ignore list. Honest plans that share only these score low.
 */
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../corpus/generator/archive.js';
import { PlanIndex } from '../../src/index.js';
import { toTcvn3 } from '../helpers/vietnamese.js';

const archive = generateArchive({ plans: 200, seed: 17 });
const plans = archive.truth.plans;
const fileText = (id: string) => archive.files.get(id)!.text;
/** The content of a plan between its header and its Nơi nhận, as the generator recorded it. */
const bodyOf = (id: string) => {
  const t = plans.find((p) => p.id === id)!;
  return fileText(id).slice(t.body.start, t.body.end);
};
const clean = plans.filter((p) => p.damage.length === 0);
const originals = clean.filter((p) => p.kind === 'original');

/** A hand-written frame of a kế hoạch, with the unit's own body between its headings. */
function framed(body: string, unit = 'XÃ TÂN LẬP', number = '45', day = 12): string {
  const paragraphs = body.split('\n').filter((l) => l.trim() !== '');
  const quarter = Math.ceil(paragraphs.length / 4);
  const part = (k: number) => paragraphs.slice(k * quarter, (k + 1) * quarter).join('\n');
  return [
    'UỶ BAN NHÂN DÂN HUYỆN ĐOAN HÙNG',
    `ỦY BAN NHÂN DÂN ${unit}`,
    `Số: ${number}/KH-UBND`,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    `Tân Lập, ngày ${day} tháng 4 năm 2022`,
    'KẾ HOẠCH',
    'Triển khai thực hiện Nghị quyết số 04-NQ/TU ngày 18/11/2021 của Ban Thường vụ Tỉnh ủy về cải cách hành chính giai đoạn 2021 - 2025',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    part(0),
    '2. Yêu cầu',
    part(1),
    'II. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU',
    part(2),
    'III. KINH PHÍ THỰC HIỆN',
    'IV. TỔ CHỨC THỰC HIỆN',
    '1. Văn phòng HĐND và UBND xã',
    '2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể chính trị - xã hội',
    part(3),
    'Nơi nhận:',
    '- Thường trực Huyện ủy;',
    '- Thường trực HĐND huyện;',
    '- Chủ tịch, các Phó Chủ tịch UBND huyện;',
    '- Các cơ quan, đơn vị liên quan;',
    '- Lưu: VT, VP.',
    'TM. ỦY BAN NHÂN DÂN',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Nguyễn Văn An',
  ].join('\n');
}

/** The header lines of a framed plan run together, as some extractors deliver them. */
function mergeHeader(text: string): string {
  const lines = text.split('\n');
  const title = lines.indexOf('KẾ HOẠCH');
  return [lines.slice(0, title).join(' '), ...lines.slice(title)].join('\n');
}

describe('the administrative frame', () => {
  // Two honest plans of different units: the same frame, their own bodies.
  const [a, b] = [originals[0], originals.find((p) => p.directive !== originals[0].directive)!];
  // Short bodies, so that the frame is a large share of each plan.
  const shortBody = (id: string) => bodyOf(id).split('\n').slice(0, 8).join('\n');
  const planA = framed(shortBody(a.id), 'XÃ TÂN LẬP', '45', 12);
  const planB = framed(shortBody(b.id), 'XÃ HỢP THÀNH', '112', 20);

  it('does not count: two plans that share only the frame score below 0.15', () => {
    const index = new PlanIndex();
    index.add({ id: 'A', text: planA });
    const result = index.check(planB);
    expect(result.score).toBeLessThan(0.15);
    expect(result.ignored).toBeGreaterThan(0.1);
    // Without the frame recognised, the same pair shares more: the frame is what was set aside.
    const noFrame = new PlanIndex({ frame: false });
    noFrame.add({ id: 'A', text: planA });
    expect(noFrame.check(planB).score).toBeGreaterThan(result.score + 0.1);
  });

  it('is recognised when the extractor merged the header lines, and in TCVN3', () => {
    const index = new PlanIndex();
    index.add({ id: 'A', text: planA });
    for (const form of [mergeHeader(planB), toTcvn3(planB), toTcvn3(mergeHeader(planB))]) {
      const result = index.check(form);
      expect(result.score).toBeLessThan(0.15);
      expect(result.ignored).toBeGreaterThan(0.1);
    }
  });

  it('leaves a copied body fully counted: the frame is set aside on both sides', () => {
    const index = new PlanIndex();
    index.add({ id: 'A', text: planA });
    const copy = framed(shortBody(a.id), 'XÃ HỢP THÀNH', '112', 20);
    const result = index.check(copy);
    expect(result.score).toBeGreaterThan(0.9);
    for (const p of result.matches[0].passages) {
      // Passages hold body text, never the header or the Nơi nhận list.
      expect(copy.slice(p.start, p.end)).not.toMatch(/CỘNG HÒA|Nơi nhận|KẾ HOẠCH\n/);
    }
  });
});

describe('honest plans of one directive', () => {
  /** Originals grouped by directive: plans written independently for the same directive. */
  const byDirective = new Map<string, string[]>();
  for (const p of originals)
    byDirective.set(p.directive, [...(byDirective.get(p.directive) ?? []), p.id]);

  it('score below 0.15 against each other in an archive of 20 plans, where nothing can be learned', () => {
    const ids = [...byDirective.values()].flat().slice(0, 20);
    expect(ids.length).toBe(20);
    const index = new PlanIndex();
    for (const id of ids) index.add({ id, text: fileText(id) });
    const scores = ids.map((id) => index.check(fileText(id), { exclude: [id] }).score);
    // The generator writes honest plans from shared pools of sentences, so that two short plans
    // may share two or three whole sentences by chance (one of these 20 does, at 0.17).
    expect(scores.filter((s) => s >= 0.15).length).toBeLessThanOrEqual(1);
    expect(Math.max(...scores)).toBeLessThan(0.25);
    const noFrame = new PlanIndex({ frame: false });
    for (const id of ids) noFrame.add({ id, text: fileText(id) });
    const unframed = ids.map((id) => noFrame.check(fileText(id), { exclude: [id] }).score);
    expect(unframed.reduce((x, y) => x + y)).toBeGreaterThan(scores.reduce((x, y) => x + y));
  });

  it('score below 0.15 in the whole archive, where stock phrases are learned', () => {
    const index = new PlanIndex();
    for (const p of plans) index.add({ id: p.id, text: fileText(p.id), meta: { date: p.date } });
    const scores = originals.map(
      (p) =>
        index.check(
          { text: fileText(p.id), meta: { date: p.date } },
          { onlyEarlier: true, exclude: [p.id] },
        ).score,
    );
    // The generator writes honest plans from shared pools of sentences: a few share whole sentences by chance.
    const low = scores.filter((s) => s < 0.15).length;
    expect(low / scores.length).toBeGreaterThan(0.95);
  });
});

describe('stock phrases learned from the archive', () => {
  const STOCK =
    'Căn cứ chức năng, nhiệm vụ được giao, các cơ quan, đơn vị chủ động xây dựng kế hoạch cụ thể, tổ chức triển khai thực hiện nghiêm túc, hiệu quả, báo cáo kết quả thực hiện về cơ quan thường trực theo quy định';
  const docs = clean.slice(0, 80).map((p, k) => ({
    id: p.id,
    // Stock phrase in a third of the archive, at the end of a paragraph of the plan's own.
    text: k % 3 === 0 ? `${bodyOf(p.id)}\n${STOCK}.` : bodyOf(p.id),
  }));
  const honest = `${bodyOf(originals[originals.length - 1].id)}\n${STOCK}.`;

  it('stop counting once the index is large enough; the share is an option', () => {
    const learned = new PlanIndex({ frame: false });
    learned.addAll(docs);
    const off = new PlanIndex({ frame: false, learnedBoilerplate: 0 });
    off.addAll(docs);
    const withLearning = learned.check(honest);
    const without = off.check(honest);
    expect(without.score).toBeGreaterThan(0.02);
    expect(withLearning.score).toBeLessThan(without.score);
    expect(withLearning.ignored).toBeGreaterThan(without.ignored);
    const stockPassages = (index: PlanIndex) =>
      index
        .check(honest)
        .matches.flatMap((m) => m.passages)
        .filter((p) =>
          honest.slice(p.start, p.end).includes('các cơ quan, đơn vị chủ động xây dựng'),
        );
    expect(stockPassages(off).length).toBeGreaterThan(0);
    expect(stockPassages(learned)).toEqual([]);
    // A share above the phrase's (a third of the documents) does not learn it (the passage still
    // goes: a short sentence that many of the plan's sources share is the genre's, see dropSharedStock).
    const high = new PlanIndex({ frame: false, learnedBoilerplate: 0.5 });
    high.addAll(docs);
    expect(high.check(honest).ignored).toBeLessThan(withLearning.ignored);
  });

  it('are not learned before learnFrom documents', () => {
    const small = new PlanIndex({ frame: false, learnFrom: 1000 });
    small.addAll(docs);
    const off = new PlanIndex({ frame: false, learnedBoilerplate: 0 });
    off.addAll(docs);
    // Nothing is set aside from the counts (a small archive only drops sentences many sources share).
    expect(small.check(honest).ignored).toBeCloseTo(off.check(honest).ignored, 6);
    expect(small.check(honest).score).toBeLessThanOrEqual(off.check(honest).score);
  });
});

describe('the ignore option', () => {
  const text = bodyOf(originals[1].id);
  const paragraphs = text.split('\n');
  const copied = paragraphs.slice(0, Math.ceil(paragraphs.length / 2)).join('\n');
  const copy = `${copied}\n${bodyOf(originals[2].id)}`;

  it('sets aside given texts, which then count neither for nor against', () => {
    const plain = new PlanIndex();
    plain.add({ id: 'A', text });
    const before = plain.check(copy);
    expect(before.score).toBeGreaterThan(0.15);

    const byText = new PlanIndex({ ignore: [copied] });
    byText.add({ id: 'A', text });
    const after = byText.check(copy);
    expect(after.score).toBeLessThan(0.05);
    expect(after.ignored).toBeGreaterThan(before.ignored + 0.15);
  });

  it('sets aside the matches of given patterns, in the plan and in the archive', () => {
    const firstWords = copied.split(' ').slice(0, 3).join(' ');
    const byPattern = new PlanIndex({ ignore: [new RegExp(`${firstWords}[^]*`, 'g')] });
    byPattern.add({ id: 'A', text });
    // The pattern swallows the whole copy from its first words on: nothing of the plan counts.
    const result = byPattern.check(copy);
    expect(result.score).toBe(0);
    expect(result.ignored).toBe(1);
  });
});
