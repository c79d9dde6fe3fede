/**
 * Higher-level documents (Nghị quyết, Chỉ thị, Kế hoạch of a province, Chỉ thị
 * of the Prime Minister) that many units implement.
 */
import { type GeneratedDoc, type Line, assemble, inSection, ownLine } from './doc.js';
import { type Day, footerLines, formatDay, headerLines, titleLines } from './frame.js';
import { personName } from './people.js';
import { PROVINCES, type Province } from './places.js';
import { Random } from './random.js';
import {
  type PlanWriter,
  directiveTaskSentence,
  fresh,
  purposeSentence,
  situationSentence,
  targetSentence,
} from './sentences.js';
import { TOPICS, type Topic } from './topics.js';
import { type Issuer, type Unit, makeIssuer } from './units.js';

export interface Directive {
  id: string;
  /** Nghị quyết, Chỉ thị or Kế hoạch. */
  kind: string;
  number: string;
  date: Day;
  issuer: Issuer;
  topic: Topic;
  /** "về đẩy mạnh chuyển đổi số …". */
  subject: string;
  /** "Nghị quyết số 05-NQ/TU ngày 12/3/2021 của Ban Thường vụ Tỉnh ủy về …". */
  reference: string;
  /** "Nghị quyết số 05-NQ/TU của Ban Thường vụ Tỉnh ủy". */
  short: string;
  /** The ways plans name it in their text. */
  names: string[];
  /** The province whose units implement it (a random one for national directives). */
  province: Province;
  doc: GeneratedDoc;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

/** The issuer seen as a unit, so that the sentence writers can write for it. */
function issuerAsUnit(issuer: Issuer, province: Province): Unit {
  return {
    level: 'province',
    name: issuer.name,
    short: issuer.party ? 'Ban Thường vụ Tỉnh ủy' : 'UBND tỉnh',
    area: `tỉnh ${province.name}`,
    place: province.name,
    header: issuer.header,
    party: issuer.party,
    code: '',
    signature: issuer.signature,
    recipients: [],
    superior: issuer.province ? 'Trung ương' : 'Chính phủ',
    partyOrganisation: `Đảng bộ tỉnh ${province.name}`,
    localities: province.districts.slice(0, 8).map((d) => `huyện ${d}`),
    province,
  };
}

/** Generate directive number `index` of an archive. */
export function makeDirective(seed: number, index: number): Directive {
  const rng = Random.derive(seed, 'directive', index);
  const id = `D${String(index + 1).padStart(3, '0')}`;
  const issuer = makeIssuer(rng);
  const province = issuer.province ?? rng.pick(PROVINCES);
  const topic = TOPICS[index % TOPICS.length];
  const subject = rng.pick(topic.titles);
  const date: Day = { year: rng.int(2020, 2024), month: rng.int(1, 12), day: rng.int(1, 28) };
  const n = rng.int(1, 99);
  let kind: string;
  let number: string;
  if (issuer.name === 'Thủ tướng Chính phủ') {
    kind = 'Chỉ thị';
    number = `${n}/CT-TTg`;
  } else if (issuer.party) {
    kind = rng.chance(0.6) ? 'Nghị quyết' : 'Chỉ thị';
    number = `${String(n).padStart(2, '0')}-${kind === 'Nghị quyết' ? 'NQ' : 'CT'}/TU`;
  } else {
    kind = rng.chance(0.5) ? 'Chỉ thị' : 'Kế hoạch';
    number = `${n}/${kind === 'Chỉ thị' ? 'CT' : 'KH'}-UBND`;
  }
  const issuerText =
    issuer.province && !issuer.party ? `${issuer.name} ${province.name}` : issuer.name;
  const reference = `${kind} số ${number} ngày ${formatDay(date)} của ${issuerText} ${subject}`;
  const short = `${kind} số ${number} của ${issuerText}`;
  const unit = issuerAsUnit(issuer, province);
  const writer: PlanWriter = {
    rng,
    topic,
    unit,
    year: date.year,
    directiveNames: [`${kind} này`],
    lead: rng.pick(topic.provincialLeads),
    used: new Set(),
  };
  const lines: Line[] = [
    ...headerLines(
      {
        body: issuer.header,
        party: issuer.party,
        number: issuer.party ? `Số ${number}` : `Số: ${number}`,
        place: issuer.place,
        date,
      },
      rng,
    ),
    ...titleLines(kind, subject.replace(/^về /, ''), rng),
  ];
  const sections: Array<[string, string, Line[]]> = [
    [
      'situation',
      'TÌNH HÌNH VÀ NGUYÊN NHÂN',
      paragraphs(writer, 2, 3, () => situationSentence(writer)),
    ],
    [
      'viewpoint',
      'QUAN ĐIỂM, MỤC TIÊU',
      [
        ...paragraphs(writer, 1, 2, () => purposeSentence(writer)),
        ...Array.from({ length: rng.int(3, 4) }, () =>
          ownLine(
            'body',
            '- ',
            fresh(writer, () => targetSentence(writer)),
          ),
        ),
      ],
    ],
    ['tasks', 'NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU', taskSubsections(writer)],
    ['organization', 'TỔ CHỨC THỰC HIỆN', organization(writer)],
  ];
  sections.forEach(([key, title, body], k) => {
    lines.push(ownLine('heading', `${ROMAN[k]}. `, title), ...inSection(key, body));
  });
  lines.push(
    ...footerLines(
      [
        'Các bộ, ngành liên quan (để b/c)',
        'Các sở, ban, ngành, đoàn thể tỉnh',
        'Các huyện ủy, thị ủy, thành ủy',
        'UBND các huyện, thị xã, thành phố',
        'Lưu: VT',
      ],
      issuer.signature,
      personName(rng),
      issuer.party,
      rng,
    ),
  );
  return {
    id,
    kind,
    number,
    date,
    issuer,
    topic,
    subject,
    reference,
    short,
    names: [short, `${kind} số ${number}`, kind, `${kind} nêu trên`, `${kind} số ${number}`],
    province,
    doc: assemble(id, lines),
  };
}

function paragraphs(w: PlanWriter, min: number, max: number, sentence: () => string): Line[] {
  return Array.from({ length: w.rng.int(min, max) }, () =>
    ownLine('body', '', ...Array.from({ length: w.rng.int(1, 3) }, () => fresh(w, sentence))),
  );
}

function taskSubsections(w: PlanWriter): Line[] {
  const headings = w.rng.sample(w.topic.headings, w.rng.int(4, 6));
  const lines: Line[] = [];
  headings.forEach((heading, k) => {
    lines.push(ownLine('heading', `${k + 1}. `, heading));
    lines.push(...paragraphs(w, 1, 2, () => directiveTaskSentence(w)));
  });
  return lines;
}

function organization(w: PlanWriter): Line[] {
  return [
    ownLine(
      'body',
      '1. ',
      `Các cấp ủy, tổ chức đảng, chính quyền các cấp tổ chức quán triệt, xây dựng kế hoạch thực hiện ${w.directiveNames[0]}, ${w.rng.pick(['phù hợp với tình hình thực tế của địa phương, đơn vị', 'xác định rõ lộ trình và trách nhiệm thực hiện'])}.`,
    ),
    ownLine(
      'body',
      '2. ',
      `${w.lead} chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện; định kỳ tổng hợp, báo cáo kết quả.`,
    ),
    ownLine(
      'body',
      '3. ',
      'Đề nghị Ủy ban Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tăng cường tuyên truyền, vận động đoàn viên, hội viên và nhân dân thực hiện.',
    ),
  ];
}
