/**
 * The administrative frame of a document (Nghị định 30/2020/NĐ-CP; Hướng dẫn
 * 36-HD/VPTW): header with issuing body, quốc hiệu and tiêu ngữ or ĐẢNG CỘNG
 * SẢN VIỆT NAM, số ký hiệu, place and date; Nơi nhận and signature block.
 * Extraction scrambles the two header columns, so their order varies.
 */
import { type Line, ownLine } from './doc.js';
import type { Random } from './random.js';

/** A calendar date. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

export function formatDay(d: Day): string {
  return `${d.day}/${d.month}/${d.year}`;
}

/** ISO form, for metadata. */
export function isoDay(d: Day): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/** `d` plus `days`, on the real calendar. */
export function addDays(d: Day, days: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Days since 1970-01-01, for ordering dates. */
export function dayOrdinal(d: Day): number {
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

const STATE_MOTTO_STYLES = [
  ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
  ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc'],
  ['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
];
const RULES = ['-------', '---------------', '_______________', '*'];

export interface HeaderSpec {
  body: string[];
  party: boolean;
  /** "Số: 12/KH-UBND" or "Số 12-KH/HU". */
  number: string;
  place: string;
  date: Day;
}

function dateLine(place: string, d: Day, rng: Random): string {
  const day = rng.chance(0.5) ? String(d.day).padStart(2, '0') : String(d.day);
  return `${place}, ngày ${day} tháng ${d.month} năm ${d.year}`;
}

/** Header lines, in one of the orders extractors produce. */
export function headerLines(spec: HeaderSpec, rng: Random): Line[] {
  const left = [...spec.body];
  if (rng.chance(0.6)) left.push(spec.party ? '*' : rng.pick(RULES));
  const right = spec.party ? ['ĐẢNG CỘNG SẢN VIỆT NAM'] : [...rng.pick(STATE_MOTTO_STYLES)];
  if (!spec.party && rng.chance(0.5)) right.push(rng.pick(RULES));
  const date = dateLine(spec.place, spec.date, rng);
  const order = rng.int(0, 2);
  const lines =
    order === 0
      ? [...left, ...right, spec.number, date]
      : order === 1
        ? [...left, spec.number, ...right, date]
        : [...right, ...left, spec.number, date];
  return lines.map((text) => ownLine('frame', '', text));
}

/** "KẾ HOẠCH" and the title lines. */
export function titleLines(kind: string, title: string, rng: Random): Line[] {
  const upper = rng.chance(0.5);
  return [
    ownLine('frame', '', kind.toUpperCase()),
    ownLine('frame', '', upper ? title.toUpperCase() : title),
  ];
}

/** Nơi nhận and the signature block. */
export function footerLines(
  recipients: string[],
  signature: string[],
  signer: string,
  party: boolean,
  rng: Random,
): Line[] {
  const lines: Line[] = [ownLine('frame', '', party ? 'Nơi nhận:' : 'Nơi nhận:')];
  recipients.forEach((r, k) => {
    const last = k === recipients.length - 1;
    lines.push(ownLine('frame', '', `- ${r}${last ? '.' : party ? ',' : ';'}`));
  });
  // Extracted tables often put the signature block before the recipients.
  const sign = [...signature, ...(rng.chance(0.3) ? ['(Đã ký)'] : []), signer].map((t) =>
    ownLine('frame', '', t),
  );
  return rng.chance(0.2) ? [...sign, ...lines] : [...lines, ...sign];
}
