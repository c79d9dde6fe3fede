/**
 * A short finding for an inspector, in Vietnamese and English, from what a
 * check found: how much was copied, from what, and how the copy was edited.
 */
import { typeFromNumber } from '../evidence/document-types.js';
import type { EditType } from '../evidence/edit-align.js';

/** One sentence each language: what an inspector can paste into a minute. */
export interface Finding {
  vi: string;
  en: string;
}

/** What the finding is made from. */
export interface FindingInput {
  score: number;
  /** The source that supplied the most, if any. */
  top?: {
    id: string;
    reference: boolean;
    containment: number;
    earlier?: boolean;
    meta?: Record<string, unknown>;
  };
  /** Sources that supplied something. */
  sources: number;
  /** Edits inside the top source's passages, by type. */
  edits: Record<EditType, number>;
}

/** Below this score nothing is said to be copied. */
const NOTHING_BELOW = 0.15;

/** English names of the types a finding names, by the type line (other types: "document"). */
const ENGLISH_TYPES: Record<string, string> = {
  'KẾ HOẠCH': 'plan',
  'QUYẾT ĐỊNH': 'decision',
  'NGHỊ QUYẾT': 'resolution',
  'CHỈ THỊ': 'directive',
  'THÔNG BÁO': 'notice',
  'BÁO CÁO': 'report',
  'TỜ TRÌNH': 'submission',
  'HƯỚNG DẪN': 'guidance',
  'CÔNG VĂN': 'official letter',
  'CHƯƠNG TRÌNH': 'programme',
  'ĐỀ ÁN': 'scheme',
};

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function metaText(meta: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = meta?.[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** "Kế hoạch số 123/KH-UBND của UBND tỉnh X" / "plan No. 123/KH-UBND of UBND tỉnh X", or the id. */
function describeSource(top: NonNullable<FindingInput['top']>): { vi: string; en: string } {
  const number = metaText(top.meta, 'number');
  const unit = metaText(top.meta, 'unit');
  const type = metaText(top.meta, 'type');
  let vi: string;
  let en: string;
  if (number) {
    // The document's own type (meta.type), else what its số ký hiệu implies ("12/KH-UBND": a plan).
    const typeLine = (type ?? typeFromNumber(number))?.toUpperCase();
    const viType = typeLine ? typeLine.charAt(0) + typeLine.slice(1).toLowerCase() : 'Văn bản';
    vi = `${viType} số ${number}`;
    en = `${(typeLine && ENGLISH_TYPES[typeLine]) ?? 'document'} No. ${number}`;
  } else {
    vi = `văn bản "${top.id}"`;
    en = `document "${top.id}"`;
  }
  if (unit) {
    vi += ` của ${unit}`;
    en += ` of ${unit}`;
  }
  if (top.reference) {
    vi += ' (văn bản cấp trên)';
    en += ' (a higher-level document)';
  } else if (top.earlier === true) {
    vi += ' (ban hành trước)';
    en += ' (issued earlier)';
  }
  return { vi, en };
}

/** How the copy was edited, from the edits of the top source's passages. */
function describeEdits(edits: FindingInput['edits']): { vi: string; en: string } {
  const { name, number, words } = edits;
  if (name + number + words === 0) return { vi: 'nguyên văn', en: 'word for word' };
  const viChanged: string[] = [];
  const enChanged: string[] = [];
  if (name > 0) {
    viChanged.push('tên đơn vị, địa danh');
    enChanged.push('the names of units and places');
  }
  if (number > 0) {
    viChanged.push('số liệu, ngày tháng');
    enChanged.push('numbers and dates');
  }
  if (words === 0)
    return {
      vi: `chỉ thay ${viChanged.join(' và ')}`,
      en: `changing only ${enChanged.join(' and ')}`,
    };
  if (viChanged.length === 0) return { vi: 'có sửa một số từ ngữ', en: 'with some words changed' };
  return {
    vi: `thay ${viChanged.join(', ')} và sửa một số từ ngữ`,
    en: `changing ${enChanged.join(', ')} and some other words`,
  };
}

/** The finding of a check. */
export function findingOf(input: FindingInput): Finding {
  const { score, top, sources } = input;
  const own = percent(1 - score);
  if (top === undefined || score < NOTHING_BELOW) {
    return {
      vi: `Không phát hiện sao chép đáng kể: ${percent(score)} nội dung trùng với văn bản khác; ${own} là nội dung riêng.`,
      en: `No significant copying found: ${percent(score)} of the content is shared with other documents; ${own} is its own.`,
    };
  }
  const source = describeSource(top);
  const how = describeEdits(input.edits);
  const others = sources - 1;
  if (others === 0 || top.containment >= 0.9 * score) {
    const viMore = others > 0 ? ` và ${others} văn bản khác` : '';
    const enMore = others > 0 ? ` and ${others} other document${others === 1 ? '' : 's'}` : '';
    return {
      vi: `${percent(score)} nội dung chép từ ${source.vi}${viMore}, ${how.vi}; ${own} là nội dung riêng.`,
      en: `${percent(score)} of the content is copied from ${source.en}${enMore}, ${how.en}; ${own} is its own.`,
    };
  }
  return {
    vi: `${percent(score)} nội dung chép từ ${sources} văn bản, nhiều nhất từ ${source.vi} (${percent(top.containment)}, ${how.vi}); ${own} là nội dung riêng.`,
    en: `${percent(score)} of the content is copied from ${sources} documents, most from ${source.en} (${percent(top.containment)}, ${how.en}); ${own} is its own.`,
  };
}
