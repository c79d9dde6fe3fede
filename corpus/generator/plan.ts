/**
 * Implementation plans (kế hoạch): written honestly, or copied in the ways
 * copiers copy, with every copied sentence traced to its source.
 */
import type { Directive } from './directive.js';
import { type GeneratedDoc, type Line, assemble, copyPiece, inSection, ownLine } from './doc.js';
import { type Day, footerLines, headerLines, titleLines } from './frame.js';
import { personName } from './people.js';
import { SYNONYMS } from './phrases.js';
import type { Random } from './random.js';
import {
  type PlanWriter,
  closingSentence,
  dutySentences,
  fresh,
  fundingSentences,
  purposeSentence,
  requirementSentence,
  targetSentence,
  taskSentence,
} from './sentences.js';
import type { Unit } from './units.js';

/** How a plan came to be (the truth recorded for it). */
export type PlanKind =
  | 'original'
  | 'restates-directive'
  | 'peer-renamed'
  | 'peer-extended'
  | 'partial-copy'
  | 'patchwork'
  | 'light-edit';

/** Share of each kind in a generated archive. */
export const KIND_WEIGHTS: Readonly<Record<PlanKind, number>> = {
  original: 0.35,
  'restates-directive': 0.2,
  'peer-renamed': 0.14,
  'peer-extended': 0.09,
  'partial-copy': 0.09,
  patchwork: 0.07,
  'light-edit': 0.06,
};

export interface GeneratedPlan {
  id: string;
  kind: PlanKind;
  unit: Unit;
  directive: Directive;
  date: Day;
  /** "123/KH-UBND" or "45-KH/HU". */
  number: string;
  title: string;
  writer: PlanWriter;
  doc: GeneratedDoc;
}

/**
 * What a copier reads of an earlier plan: a whole plan, or what the streaming
 * generator keeps of one.
 */
export interface SourcePlan {
  id: string;
  unit: Pick<Unit, 'name' | 'short' | 'area' | 'superior' | 'partyOrganisation' | 'localities'>;
  writer: Pick<PlanWriter, 'lead'>;
  doc: GeneratedDoc;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

type SectionKey = 'purpose' | 'targets' | 'tasks' | 'funding' | 'organization';

const SECTION_TITLES: Record<SectionKey, string[]> = {
  purpose: ['MỤC ĐÍCH, YÊU CẦU'],
  targets: ['MỤC TIÊU', 'MỤC TIÊU CỤ THỂ'],
  tasks: [
    'NỘI DUNG, NHIỆM VỤ',
    'NHIỆM VỤ, GIẢI PHÁP',
    'NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM',
    'NỘI DUNG THỰC HIỆN',
  ],
  funding: ['KINH PHÍ THỰC HIỆN', 'KINH PHÍ'],
  organization: ['TỔ CHỨC THỰC HIỆN'],
};

// ---- The plan's own writing ------------------------------------------------

function own(w: PlanWriter, count: [number, number], sentence: () => string, prefix = ''): Line[] {
  return Array.from({ length: w.rng.int(count[0], count[1]) }, () =>
    ownLine('body', prefix, ...Array.from({ length: w.rng.int(1, 2) }, () => fresh(w, sentence))),
  );
}

function ownPurpose(w: PlanWriter): Line[] {
  return [
    ownLine('heading', '1. ', 'Mục đích'),
    ...own(w, [1, 3], () => purposeSentence(w), w.rng.chance(0.5) ? '- ' : ''),
    ownLine('heading', '2. ', 'Yêu cầu'),
    ...own(w, [1, 3], () => requirementSentence(w), w.rng.chance(0.5) ? '- ' : ''),
  ];
}

function ownTargets(w: PlanWriter): Line[] {
  return Array.from({ length: w.rng.int(3, 5) }, () =>
    ownLine(
      'body',
      '- ',
      fresh(w, () => targetSentence(w)),
    ),
  );
}

function ownTasks(w: PlanWriter, subsections?: number): Line[] {
  const headings = w.rng.sample(w.topic.headings, subsections ?? w.rng.int(4, 6));
  const lines: Line[] = [];
  headings.forEach((heading, k) => {
    lines.push(ownLine('heading', `${k + 1}. `, heading));
    lines.push(...own(w, [1, 3], () => taskSentence(w), w.rng.chance(0.4) ? '- ' : ''));
  });
  return lines;
}

function ownFunding(w: PlanWriter): Line[] {
  return fundingSentences(w).map((s) => ownLine('body', '', s));
}

function ownOrganization(w: PlanWriter): Line[] {
  const r = w.rng;
  const area = w.unit.area;
  const others =
    w.unit.level === 'department'
      ? [
          'Các phòng chuyên môn thuộc Sở',
          'Văn phòng Sở',
          'Đề nghị UBND các huyện, thị xã, thành phố',
        ]
      : w.unit.level === 'commune' || w.unit.level === 'party-commune'
        ? [
            'Công chức Văn phòng - Thống kê',
            'Công chức Tài chính - Kế toán',
            'Trưởng các thôn, tổ dân phố',
            'Đề nghị Ủy ban Mặt trận Tổ quốc và các đoàn thể xã',
          ]
        : [
            `Phòng Tài chính - Kế hoạch ${area.split(' ')[0]}`,
            'Ủy ban nhân dân các xã, thị trấn',
            'Các phòng, ban, ngành liên quan',
            `Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam ${area} và các đoàn thể`,
          ];
  const agencies = [w.lead, ...r.sample(others, r.int(2, others.length))];
  const lines: Line[] = [];
  agencies.forEach((agency, k) => {
    lines.push(ownLine('heading', `${k + 1}. `, agency));
    lines.push(ownLine('body', '', ...dutySentences(w, k === 0)));
  });
  lines.push(ownLine('body', '', closingSentence(w)));
  return lines;
}

const OWN_WRITERS: Record<SectionKey, (w: PlanWriter) => Line[]> = {
  purpose: ownPurpose,
  targets: ownTargets,
  tasks: (w) => ownTasks(w),
  funding: ownFunding,
  organization: ownOrganization,
};

// ---- Copying ---------------------------------------------------------------

/** How to disguise copied lines. */
interface CopyStyle {
  renames: Array<[string, string]>;
  /** Probability that a sentence gets a synonym swap. */
  swap?: number;
  /** Probability that a paragraph's sentences are reordered. */
  reorder?: number;
  /** Probability that a sentence is dropped. */
  drop?: number;
}

/** The content lines of `section` in `source`. */
function sectionLines(source: GeneratedDoc, section: string): number[] {
  const out: number[] = [];
  source.lines.forEach((line, k) => {
    if (line.section === section) out.push(k);
  });
  return out;
}

/** Copy lines of `source` (by index) in the given style. Headings are copied as the plan's own skeleton. */
function copyLines(
  source: GeneratedDoc,
  lineIndexes: number[],
  style: CopyStyle,
  rng: Random,
): Line[] {
  const firstPiece = new Map<number, number>();
  source.pieces.forEach((p, k) => {
    if (!firstPiece.has(p.line)) firstPiece.set(p.line, k);
  });
  const out: Line[] = [];
  for (const index of lineIndexes) {
    const line = source.lines[index];
    if (line.role === 'heading') {
      out.push(ownLine('heading', line.prefix, ...line.pieces.map((p) => p.text)));
      continue;
    }
    const base = firstPiece.get(index) ?? 0;
    let pieceIndexes = line.pieces.map((_, k) => base + k);
    if (style.drop && pieceIndexes.length > 1) {
      const kept = pieceIndexes.filter(() => !rng.chance(style.drop ?? 0));
      pieceIndexes = kept.length > 0 ? kept : [pieceIndexes[0]];
    }
    if (style.reorder && pieceIndexes.length > 1 && rng.chance(style.reorder))
      rng.shuffle(pieceIndexes);
    const pieces = pieceIndexes.map((k) => {
      const synonyms: Array<[string, string]> = [];
      if (style.swap && rng.chance(style.swap)) {
        const text = source.pieces[k].text;
        const usable = SYNONYMS.flatMap(([a, b]) => [
          ...(text.includes(a) ? [[a, b] as [string, string]] : []),
          ...(text.includes(b) ? [[b, a] as [string, string]] : []),
        ]);
        if (usable.length > 0) synonyms.push(rng.pick(usable));
      }
      return copyPiece(source, k, style.renames, synonyms);
    });
    out.push({ role: 'body', prefix: line.prefix, pieces });
  }
  return out;
}

/** Numbers, dates and years of `text` mapped to new values, as a copier updates them. */
function numberRenames(text: string, rng: Random): Array<[string, string]> {
  const pairs = new Map<string, string>();
  for (const m of text.matchAll(/\b\d{1,2}\/\d{1,2}\/(\d{4})\b/g)) {
    pairs.set(m[0], `${rng.int(1, 28)}/${rng.int(1, 12)}/${Number(m[1]) + rng.int(0, 1)}`);
  }
  for (const m of text.matchAll(/\b(\d{1,3})%/g)) {
    if (rng.chance(0.6))
      pairs.set(m[0], `${Math.min(100, Number(m[1]) + rng.pick([-10, -5, 5, 10]))}%`);
  }
  for (const m of text.matchAll(/năm (\d{4})/g)) {
    if (rng.chance(0.5)) pairs.set(m[0], `năm ${Number(m[1]) + 1}`);
  }
  return [...pairs].filter(([a, b]) => a !== b);
}

/** What a copier changes when taking a peer's plan: names of the unit and its places, then numbers. */
function peerRenames(source: SourcePlan, w: PlanWriter, rng: Random): Array<[string, string]> {
  const s = source.unit;
  const t = w.unit;
  const pairs: Array<[string, string]> = [
    [s.name, t.name],
    [source.writer.lead, w.lead],
    [s.partyOrganisation, t.partyOrganisation],
    [s.superior, t.superior],
    [s.area, t.area],
    ...s.localities.map((l, k): [string, string] => [l, t.localities[k % t.localities.length]]),
    [s.short, t.short],
  ];
  return [...pairs.filter(([a, b]) => a !== b), ...numberRenames(source.doc.text, rng)];
}

/** What a plan that restates its directive changes: the province's words for its own area. */
function directiveRenames(w: PlanWriter): Array<[string, string]> {
  return [
    ['trên phạm vi toàn tỉnh', `trên phạm vi ${w.unit.area}`],
    ['trên địa bàn toàn tỉnh', `trên địa bàn ${w.unit.area}`],
    ['Các sở, ban, ngành, địa phương', 'Các cơ quan, đơn vị'],
    ['ở các địa phương', `ở ${w.rng.pick(w.unit.localities)}`],
  ];
}

// ---- Building --------------------------------------------------------------

/** The office that leads the work, named as the unit would name it. */
function leadOffice(unit: Unit, directive: Directive, rng: Random): string {
  switch (unit.level) {
    case 'department':
      return rng.pick([
        'Văn phòng Sở',
        'Phòng Kế hoạch - Tài chính',
        'Phòng Nghiệp vụ',
        'Phòng Tổ chức cán bộ',
      ]);
    case 'commune':
    case 'party-commune':
      return rng.pick([
        'Công chức Văn hóa - Xã hội',
        'Công an xã',
        'Ban Chỉ huy Quân sự xã',
        'Công chức Địa chính - Xây dựng',
        'Văn phòng Đảng ủy',
        'Công chức Tư pháp - Hộ tịch',
      ]);
    case 'party-district':
      return rng.pick([
        'Ban Tuyên giáo Huyện ủy',
        'Ban Dân vận Huyện ủy',
        'Văn phòng Huyện ủy',
        `${rng.pick(directive.topic.leads)} huyện`,
      ]);
    default:
      return `${rng.pick(directive.topic.leads)} huyện`;
  }
}

/**
 * Earlier plans, oldest first, read by position: an array, or a list that makes
 * a plan only when it is asked for (the streaming generator keeps few in memory).
 */
export interface PeerList {
  readonly length: number;
  at(index: number): SourcePlan | undefined;
}

export interface PlanRequest {
  id: string;
  rng: Random;
  directive: Directive;
  unit: Unit;
  date: Day;
  number: string;
  kind: PlanKind;
  /** Earlier plans for the same directive, oldest first. */
  peers: PeerList;
}

/** The peer at `index`, which must exist. */
function peerAt(peers: PeerList, index: number): SourcePlan {
  const plan = peers.at(index);
  if (!plan) throw new Error(`no peer at ${index} of ${peers.length}`);
  return plan;
}

/** Build a plan; a kind that needs peers falls back when there are none. */
export function buildPlan(req: PlanRequest): GeneratedPlan {
  const { rng, directive, unit } = req;
  const w: PlanWriter = {
    rng,
    topic: directive.topic,
    unit,
    year: req.date.year,
    directiveNames: directive.names,
    lead: leadOffice(unit, directive, rng),
    used: new Set(),
  };
  let kind = req.kind;
  if (kind === 'patchwork' && req.peers.length < 2) kind = 'partial-copy';
  const needsPeer = kind !== 'original' && kind !== 'restates-directive';
  if (needsPeer && req.peers.length === 0)
    kind = rng.chance(0.5) ? 'restates-directive' : 'original';

  const keys: SectionKey[] = [
    'purpose',
    ...(rng.chance(0.4) ? (['targets'] as const) : []),
    'tasks',
    'funding',
    'organization',
  ];
  const content = new Map<SectionKey, Line[]>();
  // The same draw as rng.pick(peers.slice(-12)), without copying the list.
  const peer = (): SourcePlan => {
    const recent = Math.min(12, req.peers.length);
    return peerAt(req.peers, req.peers.length - recent + rng.index(recent));
  };

  switch (kind) {
    case 'restates-directive': {
      const d = directive.doc;
      const taskLines = sectionLines(d, 'tasks');
      content.set('tasks', copyLines(d, taskLines, { renames: directiveRenames(w) }, rng));
      if (rng.chance(0.6))
        content.set('purpose', [
          ownLine('heading', '1. ', 'Mục đích'),
          ...copyLines(d, sectionLines(d, 'viewpoint'), { renames: directiveRenames(w) }, rng),
        ]);
      break;
    }
    case 'peer-renamed':
    case 'peer-extended':
    case 'light-edit': {
      const source = peer();
      const style: CopyStyle =
        kind === 'light-edit'
          ? {
              renames: rng.chance(0.6) ? peerRenames(source, w, rng) : [],
              swap: 0.5,
              reorder: 0.35,
              drop: 0.12,
            }
          : { renames: peerRenames(source, w, rng) };
      for (const key of keys) {
        const lines = sectionLines(source.doc, key);
        if (lines.length > 0) content.set(key, copyLines(source.doc, lines, style, rng));
      }
      if (kind === 'peer-extended') {
        const tasks = content.get('tasks') ?? [];
        for (let k = rng.int(2, 4); k > 0; k--) {
          tasks.splice(rng.int(1, tasks.length), 0, ...own(w, [1, 1], () => taskSentence(w), '- '));
        }
        content.set('tasks', tasks);
      }
      break;
    }
    case 'partial-copy': {
      const source = peer();
      const copied = rng.sample(['purpose', 'tasks', 'organization'] as const, rng.int(1, 2));
      for (const key of copied) {
        const lines = sectionLines(source.doc, key);
        if (lines.length > 0)
          content.set(
            key,
            copyLines(source.doc, lines, { renames: peerRenames(source, w, rng) }, rng),
          );
      }
      break;
    }
    case 'patchwork': {
      // The same draws as rng.sample(peers, n): shuffle the positions, not the plans.
      const positions = Array.from({ length: req.peers.length }, (_, k) => k);
      const sources = rng.sample(positions, rng.int(2, 3)).map((k) => peerAt(req.peers, k));
      const useDirective = rng.chance(0.4);
      const halves = sources.slice(0, 2).map((s, k) => {
        const lines = sectionLines(s.doc, 'tasks');
        const mid = Math.floor(lines.length / 2);
        return copyLines(
          s.doc,
          k === 0 ? lines.slice(0, mid) : lines.slice(mid),
          { renames: peerRenames(s, w, rng) },
          rng,
        );
      });
      content.set('tasks', [
        ...halves[0],
        ...(useDirective
          ? copyLines(
              directive.doc,
              sectionLines(directive.doc, 'tasks').slice(0, 4),
              { renames: directiveRenames(w) },
              rng,
            )
          : []),
        ...halves[1],
      ]);
      const third = sources[2] ?? sources[0];
      content.set(
        'purpose',
        copyLines(
          third.doc,
          sectionLines(third.doc, 'purpose'),
          { renames: peerRenames(third, w, rng) },
          rng,
        ),
      );
      break;
    }
    case 'original':
      break;
  }

  const lines: Line[] = [
    ...headerLines(
      {
        body: unit.header,
        party: unit.party,
        number: unit.party ? `Số ${req.number}` : `Số: ${req.number}`,
        place: unit.place,
        date: req.date,
      },
      rng,
    ),
  ];
  const title = rng.chance(0.6)
    ? `Triển khai thực hiện ${directive.reference}`
    : `Thực hiện ${directive.reference} trên địa bàn ${unit.area}`;
  lines.push(...titleLines('Kế hoạch', title, rng));
  lines.push(
    ownLine(
      'preamble',
      '',
      rng.pick([
        `Thực hiện ${directive.reference}, ${unit.name} ban hành Kế hoạch triển khai thực hiện trên địa bàn ${unit.area}, cụ thể như sau:`,
        `Căn cứ tình hình thực tế của địa phương; thực hiện ${directive.reference}, ${unit.short} xây dựng Kế hoạch thực hiện như sau:`,
        `Để triển khai thực hiện có hiệu quả ${directive.reference}, ${unit.name} ban hành Kế hoạch với những nội dung sau:`,
      ]),
    ),
  );
  keys.forEach((key, k) => {
    lines.push(ownLine('heading', `${ROMAN[k]}. `, rng.pick(SECTION_TITLES[key])));
    lines.push(...inSection(key, content.get(key) ?? OWN_WRITERS[key](w)));
  });
  lines.push(...footerLines(unit.recipients, unit.signature, personName(rng), unit.party, rng));
  const doc = assemble(req.id, lines);
  return {
    id: req.id,
    kind,
    unit,
    directive,
    date: req.date,
    number: req.number,
    title,
    writer: w,
    doc,
  };
}
