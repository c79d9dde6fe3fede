/**
 * Sentences of plans and directives, assembled from the phrase pools with the
 * writer's local details. Fixed wording is kept to short runs between slots and
 * every standard sentence has several paraphrases, so that two honest plans on
 * the same subject share their skeleton and a few of the genre's phrases, but
 * little else: as real plans do.
 */
import {
  ACTORS,
  ADVERBS,
  AUDIENCES,
  GOALS,
  MANNERS,
  MEDIA,
  OPENERS,
  PROGRAMS,
  QUARTERS,
  REPORT_PERIODS,
  TASK_VERBS,
} from './phrases.js';
import type { Random } from './random.js';
import type { Topic } from './topics.js';
import type { Unit } from './units.js';

/** What a writer knows while writing a plan. */
export interface PlanWriter {
  rng: Random;
  topic: Topic;
  unit: Unit;
  year: number;
  /** Ways the plan names its directive: "Nghị quyết số 05-NQ/TU của Ban Thường vụ Tỉnh ủy", "Nghị quyết". */
  directiveNames: string[];
  /** The office that leads the work: "Phòng Nội vụ huyện". */
  lead: string;
  /** Sentences already written, so that a document does not repeat itself. */
  used: Set<string>;
}

/** A sentence from `make` that the document has not used yet (a few tries). */
export function fresh(w: PlanWriter, make: () => string): string {
  let sentence = make();
  for (let tries = 0; tries < 8 && w.used.has(sentence); tries++) sentence = make();
  w.used.add(sentence);
  return sentence;
}

/** The directive, named one of the ways plans name it. */
function directive(w: PlanWriter): string {
  return w.rng.pick(w.directiveNames);
}

function lower(text: string): string {
  return text[0].toLowerCase() + text.slice(1);
}

function capital(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

function percent(w: PlanWriter): number {
  return w.rng.pick([50, 60, 65, 70, 75, 80, 85, 90, 95, 98, 100]);
}

function count(w: PlanWriter, min = 2, max = 30): number {
  return w.rng.int(min, max);
}

function money(w: PlanWriter): string {
  return w.rng.chance(0.6)
    ? `${w.rng.int(50, 950)} triệu đồng`
    : `${w.rng.int(1, 9)},${w.rng.int(1, 9)} tỷ đồng`;
}

function time(w: PlanWriter): string {
  const y = w.year;
  const r = w.rng;
  return r.pick([
    () => `trong năm ${y}`,
    () => `trong quý ${r.pick(QUARTERS)} năm ${y}`,
    () => `trước ngày ${r.int(1, 28)}/${r.int(1, 12)}/${y}`,
    () => 'hằng năm',
    () => `trong giai đoạn ${y} - ${y + 2}`,
    () => `đến hết năm ${y + 1}`,
    () => 'định kỳ 6 tháng, hằng năm',
    () => `trong tháng ${r.int(1, 12)}/${y}`,
    () => 'thường xuyên, liên tục',
    () => `từ nay đến năm ${y + 2}`,
    () => 'ngay từ đầu năm',
    () => `chậm nhất trong quý ${r.pick(QUARTERS)}`,
    () => 'theo từng đợt cao điểm',
  ])();
}

function place(w: PlanWriter): string {
  const r = w.rng;
  const [a, b, c] = r.sample(w.unit.localities, 3);
  return r.pick([
    () => `trên địa bàn ${w.unit.area}`,
    () => `tại ${a} và ${b}`,
    () => `ở ${a}, ${b}, ${c}`,
    () => `trên toàn ${w.unit.area}`,
    () => `tại các khu dân cư`,
    () => `nhất là tại ${a}`,
    () => `ở ${a}`,
    () => `tại ${a}, ${b}`,
    () => `trong toàn ${w.unit.area.split(' ')[0]}`,
    () => `ở những nơi còn khó khăn như ${a}`,
  ])();
}

/** The verb of a task, maybe with an adverb ("chủ động rà soát"). */
function verb(w: PlanWriter, capitalised = false): string {
  const v = lower(w.rng.pick(TASK_VERBS));
  const text = w.rng.chance(0.3) ? `${w.rng.pick(ADVERBS)} ${v}` : v;
  return capitalised ? capital(text) : text;
}

function actor(w: PlanWriter): string {
  return w.rng.chance(0.35) ? w.lead : w.rng.pick(ACTORS);
}

function object(w: PlanWriter): string {
  return w.rng.pick(w.topic.objects);
}

function optional(w: PlanWriter, p: number, text: () => string): string {
  return w.rng.chance(p) ? text() : '';
}

/** ", nhằm …" or nothing. */
function purpose(w: PlanWriter): string {
  return optional(
    w,
    0.35,
    () => `, ${w.rng.pick(['nhằm', 'để', 'góp phần'])} ${w.rng.pick(GOALS)} ${w.topic.name}`,
  );
}

/** "Trong năm 2024, " or nothing. */
function opener(w: PlanWriter): string {
  return optional(w, 0.3, () => `${w.rng.pick(OPENERS)}, `);
}

/** A sentence for "1. Mục đích". */
export function purposeSentence(w: PlanWriter): string {
  const r = w.rng;
  return r.pick([
    () =>
      `${r.pick(['Quán triệt', 'Triển khai', 'Phổ biến', 'Tuyên truyền'])} ${r.pick(['kịp thời', 'đầy đủ', 'nghiêm túc', 'sâu rộng'])} nội dung ${directive(w)} đến ${r.pick(AUDIENCES)} ${place(w)}.`,
    () =>
      `Cụ thể hóa ${directive(w)} bằng những ${r.pick(['nhiệm vụ, giải pháp', 'việc làm', 'chương trình, đề án'])} ${r.pick(MANNERS)}${purpose(w)}.`,
    () =>
      `${r.pick(['Nâng cao', 'Tạo sự thống nhất về', 'Từng bước nâng cao'])} nhận thức ${r.pick(['và hành động', 'và trách nhiệm', ''])} của ${r.pick(AUDIENCES)} về ${w.topic.name}.`,
    () =>
      `Tạo chuyển biến rõ nét về ${r.pick(w.topic.indicators)}, góp phần hoàn thành chỉ tiêu Nghị quyết Đại hội ${w.unit.partyOrganisation}.`,
    () =>
      `${verb(w, true)} ${object(w)} ${place(w)}; khắc phục ${r.pick(['dần', 'căn bản', 'kịp thời'])} tình trạng ${r.pick(w.topic.problems)}.`,
    () => {
      const [a, b] = r.sample(ACTORS, 2);
      return `Phát huy vai trò của ${a} và ${b} trong ${w.topic.name} ${place(w)}.`;
    },
    () =>
      `Xác định ${w.topic.name} là nhiệm vụ ${r.pick(['trọng tâm', 'thường xuyên', 'quan trọng', 'cấp bách'])} của ${r.pick(['cả hệ thống chính trị', 'các cấp, các ngành', 'từng cơ quan, đơn vị'])} ${time(w)}.`,
  ])();
}

/** A sentence for "2. Yêu cầu". */
export function requirementSentence(w: PlanWriter): string {
  const r = w.rng;
  return r.pick([
    () =>
      `${r.pick(['Việc triển khai', 'Quá trình tổ chức thực hiện', 'Các hoạt động'])} phải ${r.pick(['bám sát', 'thể hiện đúng tinh thần', 'cụ thể hóa'])} ${directive(w)}, ${r.pick(MANNERS)}.`,
    () =>
      `${r.pick(['Các cơ quan, đơn vị', 'Từng thôn, tổ dân phố', 'Các ngành liên quan'])} ${r.pick(['xây dựng kế hoạch cụ thể', 'cụ thể hóa nhiệm vụ', 'phân công rõ người, rõ việc'])}, ${r.pick(['báo cáo kết quả', 'phản ánh khó khăn', 'đề xuất giải pháp'])} về ${w.lead} ${time(w)}.`,
    () =>
      `${r.pick(['Tăng cường', 'Bảo đảm', 'Chú trọng'])} sự phối hợp giữa ${lower(actor(w))} với ${r.pick(ACTORS)}; ${time(w)} sơ kết, đánh giá.`,
    () =>
      `Gắn trách nhiệm người đứng đầu với kết quả ${w.topic.name}; ${r.pick(['lấy đó làm tiêu chí', 'làm căn cứ', 'coi đó là tiêu chuẩn'])} đánh giá thi đua ${time(w)}.`,
    () =>
      `Bảo đảm ${r.pick(['tiết kiệm, hiệu quả', 'đúng tiến độ, chất lượng', 'công khai, dân chủ', 'thiết thực'])}; ${r.pick(['không để xảy ra', 'tránh', 'khắc phục'])} tình trạng ${r.pick(w.topic.problems)}.`,
    () =>
      `Huy động ${r.pick(['nguồn lực', 'sự tham gia', 'sự đóng góp'])} của ${r.pick(ACTORS)} ${place(w)}, ${r.pick(MANNERS)}.`,
  ])();
}

/** A target line for "MỤC TIÊU". */
export function targetSentence(w: PlanWriter): string {
  const r = w.rng;
  return r.pick([
    () =>
      `Đến năm ${w.year + r.int(0, 2)}, ${percent(w)}% ${r.pick(w.topic.beneficiaries)} ${r.pick(w.topic.outcomes)}.`,
    () =>
      `Phấn đấu ${time(w)} có ít nhất ${count(w)} ${r.pick(w.topic.beneficiaries)} ${r.pick(w.topic.outcomes)}.`,
    () =>
      `${capital(r.pick(w.topic.indicators))} đạt ${r.pick(['trên', 'ít nhất', 'từ'])} ${percent(w)}% ${time(w)}.`,
    () =>
      `${percent(w)}% ${r.pick(['cơ quan, đơn vị', 'thôn, tổ dân phố', 'trường học', 'cán bộ chủ chốt'])} ${r.pick(['được quán triệt', 'triển khai', 'xây dựng kế hoạch thực hiện'])} ${directive(w)}.`,
    () =>
      `${capital(r.pick(w.unit.localities))} ${r.pick(['hoàn thành', 'đạt', 'vượt'])} ${r.pick(w.topic.indicators)} ${time(w)}.`,
  ])();
}

/** A sentence of a task paragraph. */
export function taskSentence(w: PlanWriter): string {
  const r = w.rng;
  const t = w.topic;
  return r.pick([
    () => `${opener(w)}${verb(w)} ${object(w)} ${place(w)}${purpose(w)}.`,
    () =>
      `${capital(`${opener(w)}${verb(w)} ${object(w)}`)}; ${verb(w)} ${object(w)}${purpose(w)}.`,
    () =>
      `${capital(actor(w))} ${r.pick(['chủ trì', 'chủ động', 'phối hợp với', 'cùng'])} ${r.pick(ACTORS)} ${verb(w)} ${object(w)}, ${time(w)}.`,
    () =>
      `${r.pick(['Tổ chức', 'Mở', 'Phối hợp mở'])} ${count(w, 2, 12)} ${r.pick(['lớp tập huấn', 'lớp bồi dưỡng', 'buổi hướng dẫn', 'hội nghị chuyên đề'])} về ${r.pick(t.skills)} cho ${count(w, 40, 600)} ${r.pick(['lượt', 'người', ''])} ${r.pick(t.beneficiaries)}.`,
    () =>
      `${r.pick(['Phấn đấu', 'Bảo đảm', 'Quyết tâm'])} ${time(w)} ${percent(w)}% ${r.pick(t.beneficiaries)} ${r.pick(t.outcomes)}.`,
    () =>
      `${r.pick(['Tập trung hỗ trợ', 'Ưu tiên', 'Quan tâm'])} ${r.pick(w.unit.localities)}, nơi ${r.pick(t.problems)}; ${verb(w)} ${object(w)}.`,
    () =>
      `${r.pick(['Lồng ghép', 'Kết hợp', 'Gắn'])} ${t.name} với ${r.pick(PROGRAMS)}${purpose(w)}.`,
    () =>
      `${r.pick(['Kịp thời phát hiện', 'Kiên quyết xử lý', 'Không để phát sinh'])} ${r.pick(t.violations)}${optional(w, 0.5, () => `; ${r.pick(['biểu dương', 'khen thưởng', 'nhân rộng'])} ${r.pick(['gương điển hình', 'cách làm hay', 'tập thể, cá nhân tiêu biểu'])}`)}.`,
    () =>
      `${r.pick(['Duy trì', 'Xây dựng', 'Nhân rộng'])} ${count(w, 2, 9)} mô hình về ${object(w)} ở ${r.pick(w.unit.localities)}, ${time(w)}.`,
    () =>
      `Rà soát ${r.pick(t.beneficiaries)} ${place(w)}; ${r.pick(['lập danh sách', 'phân loại', 'cập nhật số liệu'])}, gửi ${w.lead} ${time(w)}.`,
    () =>
      `${r.pick(['Đầu tư', 'Hỗ trợ', 'Nâng cấp'])} ${count(w, 2, 20)} ${object(w)}, ${r.pick(['kinh phí', 'tổng vốn', 'dự kiến'])} ${money(w)}.`,
    () => {
      const [m1, m2] = r.sample(MEDIA, 2);
      return `Tuyên truyền ${r.pick(['về', 'sâu rộng về', 'thường xuyên về'])} ${t.name} qua ${m1}, ${m2}${optional(w, 0.5, () => `, ${r.pick(['chú trọng', 'nhất là', 'trước hết ở'])} ${r.pick(w.unit.localities)}`)}.`;
    },
    () =>
      `Chỉ đạo ${r.pick(ACTORS)} ${verb(w)} ${object(w)}; ${r.pick(['khắc phục', 'hạn chế', 'giải quyết'])} ${r.pick(t.problems)}.`,
    () =>
      `${capital(r.pick(t.indicators))} ${r.pick(['tăng', 'đạt', 'vượt'])} ${count(w, 5, 40)}% so với năm ${w.year - 1}.`,
    () =>
      `${capital(r.pick(w.unit.localities))} ${r.pick(['thí điểm', 'đi đầu', 'làm điểm'])} ${verb(w)} ${object(w)} ${time(w)}.`,
  ])();
}

/** Paragraphs of the funding section. */
export function fundingSentences(w: PlanWriter): string[] {
  const r = w.rng;
  const finance = w.unit.level === 'department' ? 'Văn phòng Sở' : 'Phòng Tài chính - Kế hoạch';
  const out = [
    r.pick([
      'Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn hợp pháp khác.',
      'Kinh phí được bảo đảm từ dự toán ngân sách hằng năm của các cơ quan, đơn vị và nguồn xã hội hóa.',
      `Ngân sách ${w.unit.area} bảo đảm kinh phí, kết hợp huy động đóng góp của tổ chức, cá nhân.`,
      'Sử dụng kinh phí được giao trong dự toán, lồng ghép các chương trình, dự án đang triển khai.',
      `Kinh phí do ${w.unit.short} cân đối, bố trí theo khả năng ngân sách.`,
    ]),
  ];
  if (r.chance(0.7))
    out.push(`Năm ${w.year}, dự kiến ${money(w)} để ${verb(w)} ${object(w)} ${place(w)}.`);
  if (r.chance(0.5)) {
    out.push(
      `${r.pick(['Các cơ quan, đơn vị', 'Các ngành', 'Đơn vị chủ trì'])} lập dự toán, gửi ${finance} ${r.pick(['thẩm định', 'tổng hợp', 'xem xét'])}, trình ${w.unit.short}.`,
    );
  }
  return out;
}

/** One assignment of "TỔ CHỨC THỰC HIỆN": the duties of an agency (the lead's first). */
export function dutySentences(w: PlanWriter, isLead: boolean): string[] {
  const r = w.rng;
  const out: string[] = [];
  if (isLead) {
    out.push(
      r.pick([
        () =>
          `Là cơ quan thường trực, chủ trì, phối hợp với các cơ quan, đơn vị liên quan hướng dẫn, theo dõi, đôn đốc việc triển khai Kế hoạch; báo cáo ${w.unit.superior} ${r.pick(REPORT_PERIODS)}.`,
        () =>
          `Chủ trì tham mưu ${w.unit.short} triển khai Kế hoạch; tổng hợp tình hình, báo cáo ${r.pick(REPORT_PERIODS)}.`,
        () => `Giúp ${w.unit.short} theo dõi việc thực hiện; ${verb(w)} ${object(w)} ${place(w)}.`,
        () =>
          `Làm đầu mối triển khai; ${verb(w)} ${object(w)}, báo cáo ${w.unit.superior} ${time(w)}.`,
        () => `Tham mưu thành lập tổ công tác, ${verb(w)} ${object(w)} ${time(w)}.`,
      ])(),
    );
  }
  const duties = [
    () => `Chủ động ${verb(w)} ${object(w)} ${time(w)}.`,
    () => `Phối hợp với ${w.lead} ${verb(w)} ${object(w)} ${place(w)}.`,
    () =>
      `${r.pick(['Xây dựng kế hoạch chi tiết', 'Phân công cán bộ theo dõi', 'Cử cán bộ phụ trách'])}, báo cáo ${w.lead} ${r.pick(REPORT_PERIODS)}.`,
    () =>
      `Vận động ${r.pick(['đoàn viên, hội viên', 'nhân dân', 'cán bộ, công chức', 'học sinh và phụ huynh'])} tham gia ${w.topic.name}${purpose(w)}.`,
    () =>
      `Tham mưu ${verb(w)} ${object(w)}; đề xuất ${r.pick(['giải pháp', 'biện pháp', 'cơ chế'])} khắc phục ${r.pick(w.topic.problems)}.`,
    () => `Kiểm tra việc ${verb(w)} ${object(w)} tại ${r.pick(w.unit.localities)}.`,
    () => `Bố trí ${money(w)} ${r.pick(['cho', 'để'])} ${verb(w)} ${object(w)}.`,
  ];
  for (const i of r.sample([0, 1, 2, 3, 4, 5, 6], r.int(1, 2))) out.push(duties[i]());
  return out;
}

/** The last paragraph of a plan. */
export function closingSentence(w: PlanWriter): string {
  const r = w.rng;
  return r.pick([
    `Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo về ${w.lead} để tổng hợp, tham mưu ${w.unit.short} xem xét, giải quyết./.`,
    `Trên đây là Kế hoạch triển khai thực hiện ${directive(w)} của ${w.unit.short}./.`,
    `Căn cứ Kế hoạch này, các cơ quan, đơn vị chủ động triển khai, báo cáo kết quả về ${w.lead}./.`,
    `Yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.`,
    `${w.unit.short} đề nghị các cơ quan, đơn vị phối hợp thực hiện có hiệu quả Kế hoạch này./.`,
  ]);
}

/** A directive's sentence on the situation (section I). */
export function situationSentence(w: PlanWriter): string {
  const r = w.rng;
  return r.pick([
    () =>
      `Thời gian qua, ${w.topic.name} ${place(w)} đạt nhiều kết quả; ${r.pick(w.topic.indicators)} từng bước được cải thiện.`,
    () => `Tuy nhiên, ${r.pick(w.topic.problems)}; ${r.pick(w.topic.problems)}.`,
    () =>
      `Nguyên nhân chủ yếu là một số cấp ủy, chính quyền chưa quan tâm đúng mức đến ${w.topic.name}.`,
    () =>
      `Nhận thức của một bộ phận cán bộ và nhân dân về ${w.topic.name} còn hạn chế; nguồn lực ${r.pick(['còn hạn hẹp', 'chưa đáp ứng yêu cầu', 'còn dàn trải'])}.`,
  ])();
}

/** A directive's task sentence (section III), in the voice of a higher level. */
export function directiveTaskSentence(w: PlanWriter): string {
  const r = w.rng;
  return r.pick([
    () =>
      `Các cấp ủy đảng, chính quyền tập trung lãnh đạo, chỉ đạo ${verb(w)} ${object(w)}, ${r.pick(MANNERS)}.`,
    () =>
      `Các sở, ban, ngành, địa phương ${verb(w)} ${object(w)}; ${verb(w)} ${object(w)} trên phạm vi toàn tỉnh.`,
    () =>
      `Phấn đấu đến năm ${w.year + 2}, ${percent(w)}% ${r.pick(w.topic.beneficiaries)} trên địa bàn toàn tỉnh ${r.pick(w.topic.outcomes)}.`,
    () =>
      `${verb(w, true)} ${object(w)} gắn với ${r.pick(PROGRAMS)}; khắc phục dứt điểm tình trạng ${r.pick(w.topic.problems)}.`,
    () =>
      `Chú trọng đào tạo, bồi dưỡng ${r.pick(w.topic.skills)} cho ${r.pick(w.topic.beneficiaries)}; ${verb(w)} ${object(w)} ở các địa phương.`,
    () =>
      `Xử lý nghiêm ${r.pick(w.topic.violations)}; kịp thời biểu dương, nhân rộng các mô hình, cách làm hay trong ${w.topic.name}.`,
  ])();
}
