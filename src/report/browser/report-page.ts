/**
 * The HTML report's page: plain browser code, no library. It reads the
 * embedded report, fills the page, sorts and filters the table, and shows a
 * plan side by side with a source, the passages marked in both. Texts enter
 * the page as text nodes only, never as HTML.
 *
 * Type-checked for the browser (src/report/browser/tsconfig.json) and bundled
 * at build time into one script that html-report.ts writes into the page
 * (see src/report/html-script.ts).
 */
import type { PageData, PagePassage, PagePlan } from './page-data.js';

type Language = PageData['language'];

/** A plan of the table: its rank in the report and the folded text the filter searches. */
type Row = PagePlan & { rank: number; haystack: string };

/** A marked range of a pane: a passage, with its changed words. */
interface Range {
  start: number;
  end: number;
  k: number;
  cls: string;
  label: string;
  colour: string;
  source: string;
  edits: Array<{ start: number; end: number; type: string; other: string | undefined }>;
}

const DATA = JSON.parse(document.getElementById('saochep-data')!.textContent!) as PageData;
const R = DATA.report;
const TEXTS = DATA.texts;

const WORDS: Record<Language, Record<string, string>> = {
  vi: {
    title: 'Báo cáo sao chép kế hoạch',
    plans: 'Các kế hoạch',
    file: 'Tệp',
    unit: 'Đơn vị ban hành',
    date: 'Ngày',
    score: 'Điểm sao chép',
    fromReferences: 'Từ văn bản cấp trên',
    fromPeers: 'Từ đơn vị khác',
    mainSource: 'Nguồn chính',
    filter: 'Lọc theo tệp, đơn vị, số…',
    read: 'kế hoạch đã đọc',
    copied: 'kế hoạch sao chép (điểm ≥ ',
    mostlyRefs: 'chủ yếu chép văn bản cấp trên',
    errors: 'tệp không đọc được',
    mean: 'điểm trung bình',
    topSources: 'Nguồn bị chép nhiều nhất',
    clusters: 'Nhóm kế hoạch gần như giống hệt',
    noClusters: 'Không có nhóm nào.',
    errorsTitle: 'Tệp không đọc được',
    noErrors: 'Không có lỗi.',
    reason: 'Lý do',
    code: 'Mã',
    sources: 'Nguồn',
    reference: 'văn bản cấp trên',
    earlier: 'ban hành trước',
    later: 'ban hành sau',
    plan: 'Kế hoạch',
    source: 'Nguồn',
    noText: 'Báo cáo không kèm toàn văn của kế hoạch này (các đoạn chép có trong báo cáo JSON).',
    noSources: 'Không tìm thấy nguồn nào.',
    verbatim: 'chép nguyên văn',
    edited: 'chép có sửa',
    passages: 'đoạn chép',
    similarity: 'tương đồng',
    containment: 'tỷ lệ lấy từ nguồn',
    ignored: 'phần khung văn bản bỏ qua',
    plansIn: 'kế hoạch',
    clusterOf: 'Nhóm',
    version: 'saochep',
    schema: 'lược đồ báo cáo',
    showMore: 'Xem thêm',
    left: 'còn lại',
    titleCol: 'Trích yếu',
    type: 'Loại văn bản',
    back: '← Quay lại bảng',
    link: 'Liên kết tới kế hoạch này',
    copy: 'Sao chép',
    copiedOk: 'Đã sao chép',
    finding: 'Nhận định',
    copiedOnly: 'Chỉ kế hoạch sao chép',
    minScore: 'Điểm từ',
    maxScore: 'đến',
    dateFrom: 'Ngày từ',
    dateTo: 'đến',
    all: '(tất cả)',
    chart: 'Phân bố điểm sao chép',
    editName: 'đổi tên đơn vị/địa danh',
    editNumber: 'đổi số/ngày',
    editWords: 'đổi từ ngữ',
    instead: 'bên kia: ',
    print: 'In bằng chứng',
    mainRef: 'văn bản cấp trên',
    mainPeer: 'đơn vị khác',
    planText: 'Toàn văn kế hoạch',
    readBy: 'Đọc từ',
    byText: 'văn bản',
    byOcr: 'ảnh quét (OCR)',
    byTextOcr: 'văn bản + ảnh quét (OCR)',
    ocrPagesWord: 'trang OCR',
  },
  en: {
    title: 'Copied plans report',
    plans: 'Plans',
    file: 'File',
    unit: 'Issuing body',
    date: 'Date',
    score: 'Copy score',
    fromReferences: 'From directives',
    fromPeers: 'From other units',
    mainSource: 'Main source',
    filter: 'Filter by file, unit, number…',
    read: 'plans read',
    copied: 'copied plans (score ≥ ',
    mostlyRefs: 'mostly copied from directives',
    errors: 'files not read',
    mean: 'mean score',
    topSources: 'Most copied sources',
    clusters: 'Clusters of near-identical plans',
    noClusters: 'No clusters.',
    errorsTitle: 'Files not read',
    noErrors: 'No errors.',
    reason: 'Reason',
    code: 'Code',
    sources: 'Sources',
    reference: 'directive',
    earlier: 'issued earlier',
    later: 'issued later',
    plan: 'Plan',
    source: 'Source',
    noText:
      'The report does not include the full text of this plan (the JSON report lists its copied passages).',
    noSources: 'No source found.',
    verbatim: 'verbatim',
    edited: 'edited',
    passages: 'passages',
    similarity: 'similarity',
    containment: 'share taken from the source',
    ignored: 'document frame set aside',
    read1: 'plan read',
    copied1: 'copied plan (score ≥ ',
    errors1: 'file not read',
    plansIn1: 'plan',
    passages1: 'passage',
    plansIn: 'plans',
    clusterOf: 'Cluster',
    version: 'saochep',
    schema: 'report schema',
    showMore: 'Show more',
    left: 'left',
    titleCol: 'Title',
    type: 'Document type',
    back: '← Back to the table',
    link: 'Link to this plan',
    copy: 'Copy',
    copiedOk: 'Copied',
    finding: 'Finding',
    copiedOnly: 'Copied plans only',
    minScore: 'Score from',
    maxScore: 'to',
    dateFrom: 'Date from',
    dateTo: 'to',
    all: '(all)',
    chart: 'Distribution of copy scores',
    editName: 'name of unit/place changed',
    editNumber: 'number/date changed',
    editWords: 'words changed',
    instead: 'other side: ',
    print: 'Print the evidence',
    mainRef: 'directive',
    mainPeer: 'other unit',
    planText: 'Full text of the plan',
    readBy: 'Read from',
    byText: 'text',
    byOcr: 'scan (OCR)',
    byTextOcr: 'text + scan (OCR)',
    ocrPagesWord: 'OCR pages',
  },
};
let lang: Language = DATA.language === 'en' ? 'en' : 'vi';
let sortKey = 'score';
let sortDir = -1;
let selected: string | null = null;
let selectedSource = 0;
// A browser slows down with 100,000 rows in the table: they are shown a page at a time.
const PAGE = 1000;
let shownRows = PAGE;

/** The element with this id: the page's HTML (html-report.ts) has every one the script asks for. */
function byIdIn<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}
// A count's word: English says "1 plan", Vietnamese has no plural.
function t(key: string, n?: number): string {
  return n === 1 && WORDS[lang][key + '1'] ? WORDS[lang][key + '1'] : WORDS[lang][key];
}
function el(
  tag: string,
  attrs?: Record<string, string> | null,
  children?: ReadonlyArray<Node | string | null | undefined | false>,
): HTMLElement {
  const node = document.createElement(tag);
  if (attrs)
    for (const k in attrs) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'class') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    }
  (children || []).forEach(function (c) {
    if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  });
  return node;
}
// Vietnamese writes 94,0% and 0,5 and 28/08/2023.
function dec(x: number | string): string {
  const s = String(x);
  return lang === 'vi' ? s.replace('.', ',') : s;
}
function pct(x: number): string {
  return dec((Math.round(x * 1000) / 10).toFixed(1)) + '%';
}
function day(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m && lang === 'vi' ? m[3] + '/' + m[2] + '/' + m[1] : iso;
}
// Search without diacritics: "so y te" finds "Sở Y tế"; đ is not a combining mark, so it is folded by hand.
function fold(s: string): string {
  return String(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
const byId: Record<string, Row> = {};
const PLANS = R.plans as Row[];
PLANS.forEach(function (p, i) {
  p.rank = i + 1;
  byId[p.id] = p;
  p.haystack = fold([p.id, p.unit || '', p.number || '', p.title || '', p.type || ''].join(' '));
});
// Each source of the open plan has its own colour, in the text and in the list; directives keep the violet family.
const PEER_COLOURS = ['#ffc9c2', '#bfe3c6', '#c8dcf7', '#ffe2a8', '#f7c8e8', '#c9f0ee'];
const REF_COLOURS = ['#ddd0f3', '#cfc3ea', '#e8dcf8'];
function colours(p: PagePlan): string[] {
  let peer = 0,
    ref = 0;
  return p.sources.map(function (s) {
    return s.reference
      ? REF_COLOURS[ref++ % REF_COLOURS.length]
      : PEER_COLOURS[peer++ % PEER_COLOURS.length];
  });
}
function mainSource(p: PagePlan): string {
  return p.sources.length ? p.sources[0].id : '';
}
function value(p: Row, key: string): string | number | boolean {
  if (key === 'fromReferences' || key === 'fromPeers') return p.breakdown[key];
  if (key === 'source') return mainSource(p);
  const v = (p as unknown as Record<string, string | number | boolean | undefined>)[key];
  return v === undefined ? '' : v;
}

function chart(): SVGSVGElement {
  // Inline SVG, 20 bins of 5 points; the threshold is a line.
  const bins: number[] = [];
  let i,
    max = 0;
  for (i = 0; i < 20; i++) bins.push(0);
  R.plans.forEach(function (p) {
    bins[Math.min(19, Math.floor(p.score * 20))]++;
  });
  bins.forEach(function (b) {
    if (b > max) max = b;
  });
  const NS = 'http://www.w3.org/2000/svg',
    W = 400,
    H = 120;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + (H + 20));
  svg.setAttribute('class', 'chart');
  svg.setAttribute('data-testid', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('chart'));
  function add(tag: string, a: Record<string, string | number>, text?: string): SVGElement {
    const n = document.createElementNS(NS, tag);
    for (const k in a) n.setAttribute(k, String(a[k]));
    if (text !== undefined) n.textContent = text;
    svg.appendChild(n);
    return n;
  }
  bins.forEach(function (b, k) {
    const h = max ? Math.round((b / max) * H) : 0;
    const r = add('rect', {
      x: k * 20 + 1,
      y: H - h,
      width: 18,
      height: h,
      class: k / 20 >= R.options.threshold ? 'hi' : 'lo',
    });
    const tip = document.createElementNS(NS, 'title');
    tip.textContent = pct(k / 20) + '–' + pct((k + 1) / 20) + ': ' + b + ' ' + t('plansIn', b);
    r.appendChild(tip);
  });
  const x = R.options.threshold * W;
  add('line', { x1: x, x2: x, y1: 0, y2: H, class: 'threshold' });
  add('text', { x: 0, y: H + 14 }, '0%');
  add('text', { x: W / 2 - 10, y: H + 14 }, '50%');
  add('text', { x: W - 32, y: H + 14 }, '100%');
  return svg;
}

function renderSummary(): void {
  const s = R.summary;
  const box = byIdIn('summary');
  box.textContent = '';
  const cards = el('div', { class: 'cards' }, [
    el('div', { class: 'card', 'data-testid': 'count-plans' }, [
      el('b', { text: String(s.plans) }),
      el('span', { text: t('read', s.plans) }),
    ]),
    el('div', { class: 'card', 'data-testid': 'count-copied' }, [
      el('b', { text: String(s.copied) }),
      el('span', { text: t('copied', s.copied) + dec(R.options.threshold) + ')' }),
    ]),
    el('div', { class: 'card' }, [
      el('b', { text: String(s.copiedFromReferences) }),
      el('span', { text: t('mostlyRefs') }),
    ]),
    el('div', { class: 'card' }, [
      el('b', { text: pct(s.meanScore) }),
      el('span', { text: t('mean') }),
    ]),
    el('div', { class: 'card' }, [
      el('b', { text: String(s.errors) }),
      el('span', { text: t('errors', s.errors) }),
    ]),
  ]);
  box.appendChild(cards);
  box.appendChild(el('h2', { text: t('chart') }));
  box.appendChild(chart());
  if (s.topSources.length) {
    box.appendChild(el('h2', { text: t('topSources') }));
    const list = el('ol');
    s.topSources.forEach(function (src) {
      list.appendChild(
        el('li', null, [
          src.id +
            ' — ' +
            src.plans +
            ' ' +
            t('plansIn', src.plans) +
            (src.reference ? ' (' + t('reference') + ')' : ''),
        ]),
      );
    });
    box.appendChild(list);
  }
  box.appendChild(
    el('p', {
      class: 'muted',
      text: t('version') + ' ' + R.saochep + ' · ' + t('schema') + ' ' + R.schemaVersion,
    }),
  );
}

function fillChoices(id: string, values: string[]): void {
  const sel = byIdIn<HTMLSelectElement>(id);
  const keep = sel.value;
  sel.textContent = '';
  sel.appendChild(el('option', { value: '', text: t('all') }));
  values.forEach(function (v) {
    sel.appendChild(el('option', { value: v, text: v }));
  });
  sel.value = keep;
}
function distinct(key: 'unit' | 'type'): string[] {
  const seen: Record<string, boolean> = {},
    out: string[] = [];
  R.plans.forEach(function (p) {
    const v = p[key];
    if (v && !seen[v]) {
      seen[v] = true;
      out.push(v);
    }
  });
  return out.sort();
}

interface Filters {
  text: string;
  min: number | null;
  max: number | null;
  copied: boolean;
  unit: string;
  type: string;
  from: string;
  to: string;
}
function filters(): Filters {
  const num = function (id: string): number | null {
    const v = byIdIn<HTMLInputElement>(id).value.replace(',', '.');
    return v === '' ? null : Number(v) / 100;
  };
  return {
    text: fold(byIdIn<HTMLInputElement>('filter').value.trim()),
    min: num('min-score'),
    max: num('max-score'),
    copied: byIdIn<HTMLInputElement>('copied-only').checked,
    unit: byIdIn<HTMLSelectElement>('unit-filter').value,
    type: byIdIn<HTMLSelectElement>('type-filter').value,
    from: byIdIn<HTMLInputElement>('date-from').value,
    to: byIdIn<HTMLInputElement>('date-to').value,
  };
}
function keep(p: Row, f: Filters): boolean {
  if (f.text && p.haystack.indexOf(f.text) < 0) return false;
  if (f.min !== null && p.score < f.min) return false;
  if (f.max !== null && p.score > f.max) return false;
  if (f.copied && !p.copied) return false;
  if (f.unit && p.unit !== f.unit) return false;
  if (f.type && p.type !== f.type) return false;
  if (f.from && (!p.date || p.date < f.from)) return false;
  if (f.to && (!p.date || p.date > f.to)) return false;
  return true;
}

/** How the plan's text was had: from its text, by OCR of a scan, or both, with the pages read by OCR. */
function readByText(p: PagePlan): string {
  if (p.readBy !== 'ocr' && p.readBy !== 'text+ocr') return t('byText');
  return (
    t(p.readBy === 'ocr' ? 'byOcr' : 'byTextOcr') +
    (p.ocrPages ? ' · ' + p.ocrPages + ' ' + t('ocrPagesWord') : '')
  );
}

function sourceCell(p: PagePlan): string {
  if (!p.sources.length) return '';
  const s = p.sources[0];
  return s.id + ' (' + (s.reference ? t('mainRef') : t('mainPeer')) + ')';
}

function renderTable(): void {
  const f = filters();
  const rows = PLANS.filter(function (p) {
    return keep(p, f);
  });
  rows.sort(function (a, b) {
    const x = value(a, sortKey),
      y = value(b, sortKey);
    if (x < y) return -sortDir;
    if (x > y) return sortDir;
    return a.rank - b.rank;
  });
  const body = document.querySelector('#plans tbody')!;
  body.textContent = '';
  const more = byIdIn('more');
  const left = rows.length - shownRows;
  more.hidden = left <= 0;
  more.textContent = t('showMore') + ' (' + Math.max(left, 0) + ' ' + t('left') + ')';
  byIdIn('count').textContent =
    rows.length + ' / ' + R.plans.length + ' ' + t('plansIn', R.plans.length);
  rows.slice(0, shownRows).forEach(function (p) {
    const tr = el(
      'tr',
      {
        'data-id': p.id,
        tabindex: '0',
        class: (p.copied ? 'copied' : '') + (p.id === selected ? ' selected' : ''),
      },
      [
        el('td', { text: p.id }),
        el('td', { class: 'title', text: p.title || '' }),
        el('td', { text: p.type || '' }),
        el('td', { text: p.unit || '' }),
        el('td', { class: 'date', 'data-date': p.date || '', text: day(p.date) }),
        el('td', { class: 'num score', 'data-score': String(p.score) }, [
          pct(p.score),
          el('span', { class: 'bar', style: 'width:' + Math.round(p.score * 60) + 'px' }),
        ]),
        el('td', { class: 'num', text: pct(p.breakdown.fromReferences) }),
        el('td', { class: 'num', text: pct(p.breakdown.fromPeers) }),
        el('td', { text: sourceCell(p) }),
        el('td', { class: 'read-by', text: readByText(p) }),
      ],
    );
    body.appendChild(tr);
  });
  document.querySelectorAll('#plans th').forEach(function (th) {
    th.setAttribute(
      'aria-sort',
      th.getAttribute('data-key') === sortKey ? (sortDir < 0 ? 'descending' : 'ascending') : 'none',
    );
  });
}

/**
 * A pane with the text and its marked ranges, as text nodes and mark
 * elements; a range's edits (changed words) are nested spans.
 */
function pane(title: string, text: string | undefined, ranges: Range[], side: string): HTMLElement {
  const box = el('div', { class: 'pane', 'data-testid': 'pane-' + side }, [
    el('h3', { text: title }),
  ]);
  if (text === undefined) {
    box.appendChild(el('p', { class: 'muted', text: t('noText') }));
    return box;
  }
  const sorted = ranges.slice().sort(function (a, b) {
    return a.start - b.start;
  });
  let at = 0;
  sorted.forEach(function (r) {
    const start = Math.max(r.start, at);
    if (r.end <= start) return;
    box.appendChild(document.createTextNode(text.slice(at, start)));
    const mark = el('mark', {
      class: r.cls,
      'data-passage': String(r.k),
      'data-source': r.source,
      title: r.label,
      style: 'background:' + r.colour,
    });
    let inner = start;
    r.edits
      .slice()
      .sort(function (a, b) {
        return a.start - b.start;
      })
      .forEach(function (e) {
        const es = Math.max(e.start, inner),
          ee = Math.min(e.end, r.end);
        const tip =
          t('edit' + e.type.charAt(0).toUpperCase() + e.type.slice(1)) +
          ' — ' +
          t('instead') +
          (e.other ? '«' + e.other + '»' : '∅');
        if (e.start === e.end) {
          if (e.start < inner || e.start > r.end) return;
          mark.appendChild(document.createTextNode(text.slice(inner, e.start)));
          // The caret is drawn by the style sheet: the mark's text stays the document's text.
          mark.appendChild(
            el('span', { class: 'edit edit-' + e.type + ' gap', title: tip, 'data-edit': e.type }),
          );
          inner = e.start;
          return;
        }
        if (ee <= es) return;
        mark.appendChild(document.createTextNode(text.slice(inner, es)));
        mark.appendChild(
          el('span', {
            class: 'edit edit-' + e.type,
            title: tip,
            'data-edit': e.type,
            text: text.slice(es, ee),
          }),
        );
        inner = ee;
      });
    mark.appendChild(document.createTextNode(text.slice(inner, r.end)));
    box.appendChild(mark);
    at = r.end;
  });
  box.appendChild(document.createTextNode(text.slice(at)));
  return box;
}

function copyText(text: string, button: HTMLElement): void {
  const done = function () {
    button.textContent = t('copiedOk');
  };
  if (navigator.clipboard && navigator.clipboard.writeText)
    navigator.clipboard.writeText(text).then(done, function () {});
}

function renderDetail(): void {
  const box = byIdIn('detail');
  box.textContent = '';
  const p = selected === null ? undefined : byId[selected];
  document.body.classList.toggle('showing-plan', !!p);
  if (!p) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const back = el('button', {
    type: 'button',
    class: 'back',
    'data-testid': 'back',
    text: t('back'),
  });
  back.addEventListener('click', closeDetail);
  const link = el('a', {
    href: '#plan=' + encodeURIComponent(p.id),
    'data-testid': 'plan-link',
    text: t('link'),
  });
  const print = el('button', {
    type: 'button',
    class: 'print',
    'data-testid': 'print',
    text: t('print'),
  });
  print.addEventListener('click', function () {
    window.print();
  });
  box.appendChild(el('div', { class: 'tools' }, [back, ' ', link, ' ', print]));
  box.appendChild(el('h2', { text: (p.type ? p.type + ': ' : t('plan') + ': ') + p.id }));
  if (p.title) box.appendChild(el('p', { class: 'plan-title', text: p.title }));
  box.appendChild(
    el('p', null, [
      [
        p.unit,
        p.number,
        day(p.date),
        p.readBy && p.readBy !== 'text' ? t('readBy') + ': ' + readByText(p) : '',
      ]
        .filter(Boolean)
        .join(' · '),
      el('br'),
      t('score') +
        ': ' +
        pct(p.score) +
        ' (' +
        t('fromReferences') +
        ' ' +
        pct(p.breakdown.fromReferences) +
        ', ' +
        t('fromPeers') +
        ' ' +
        pct(p.breakdown.fromPeers) +
        ') · ' +
        t('ignored') +
        ': ' +
        pct(p.ignored),
    ]),
  );
  if (p.finding && p.finding[lang]) {
    const sentence = p.finding[lang]!;
    const cp = el('button', { type: 'button', 'data-testid': 'copy-finding', text: t('copy') });
    cp.addEventListener('click', function () {
      copyText(sentence, cp);
    });
    box.appendChild(
      el('p', { class: 'finding', 'data-testid': 'finding' }, [
        el('b', { text: t('finding') + ': ' }),
        sentence,
        ' ',
        cp,
      ]),
    );
  }
  if (!p.sources.length) {
    box.appendChild(el('p', { text: t('noSources') }));
    box.appendChild(pane(t('planText') + ': ' + p.id, TEXTS[p.id], [], 'plan'));
    return;
  }
  const cols = colours(p);
  const buttons = el('div', { class: 'sources', 'data-testid': 'sources' }, [
    el('b', { text: t('sources') + ': ' }),
  ]);
  p.sources.forEach(function (s, i) {
    const b = el(
      'button',
      { type: 'button', 'aria-pressed': String(i === selectedSource), 'data-source': s.id },
      [
        el('span', { class: 'swatch', style: 'background:' + cols[i] }),
        s.id +
          ' · ' +
          pct(s.containment) +
          (s.reference ? ' · ' + t('reference') : '') +
          (s.earlier === true
            ? ' · ' + t('earlier')
            : s.earlier === false
              ? ' · ' + t('later')
              : ''),
      ],
    );
    b.addEventListener('click', function () {
      selectedSource = i;
      renderDetail();
    });
    buttons.appendChild(b);
  });
  box.appendChild(buttons);
  const s = p.sources[selectedSource];
  const colour = cols[selectedSource];
  const passages = s.passages || [];
  const hasEdits = passages.some(function (q) {
    return q.edits && q.edits.length;
  });
  const legend = el('p', { class: 'legend', 'data-testid': 'legend' }, [
    el('mark', {
      style: 'background:' + colour,
      text: t('verbatim') + (s.reference ? ' · ' + t('reference') : ''),
    }),
    el('mark', { class: 'edited', style: 'background:' + colour, text: t('edited') }),
  ]);
  if (hasEdits)
    ['name', 'number', 'words'].forEach(function (k) {
      legend.appendChild(
        el('span', {
          class: 'edit edit-' + k,
          'data-edit': k,
          text: t('edit' + k.charAt(0).toUpperCase() + k.slice(1)),
        }),
      );
    });
  legend.appendChild(
    document.createTextNode(
      (s.passages ? passages.length + ' ' + t('passages', passages.length) + ' · ' : '') +
        t('similarity') +
        ' ' +
        pct(s.similarity) +
        ' · ' +
        t('containment') +
        ' ' +
        pct(s.containment),
    ),
  );
  box.appendChild(legend);
  const planText = TEXTS[p.id],
    sourceText = TEXTS[s.id];
  const cls = function (q: PagePassage): string {
    return (q.kind === 'edited' ? 'edited' : '') + (s.reference ? ' reference' : '');
  };
  const slice = function (text: string | undefined, a: number, b: number): string {
    return text === undefined ? '' : text.slice(a, b);
  };
  const left = passages.map(function (q, k): Range {
    return {
      start: q.start,
      end: q.end,
      k: k,
      cls: cls(q),
      label: t(q.kind),
      colour: colour,
      source: s.id,
      edits: (q.edits || []).map(function (e) {
        return {
          start: e.start,
          end: e.end,
          type: e.type,
          other: slice(sourceText, e.sourceStart, e.sourceEnd),
        };
      }),
    };
  });
  const right = passages.map(function (q, k): Range {
    return {
      start: q.sourceStart,
      end: q.sourceEnd,
      k: k,
      cls: cls(q),
      label: t(q.kind),
      colour: colour,
      source: s.id,
      edits: (q.edits || []).map(function (e) {
        return {
          start: e.sourceStart,
          end: e.sourceEnd,
          type: e.type,
          other: slice(planText, e.start, e.end),
        };
      }),
    };
  });
  const pair = el('div', { class: 'pair' }, [
    pane(t('plan') + ': ' + p.id, planText, left, 'plan'),
    pane(t('source') + ': ' + s.id, sourceText, right, 'source'),
  ]);
  pair.addEventListener('click', function (e) {
    const m = (e.target as Element).closest('mark');
    if (!m) return;
    const k = m.getAttribute('data-passage');
    pair.querySelectorAll('mark.active').forEach(function (x) {
      x.classList.remove('active');
    });
    pair.querySelectorAll('mark[data-passage="' + k + '"]').forEach(function (x) {
      x.classList.add('active');
      if (x !== m) x.scrollIntoView({ block: 'center' });
    });
  });
  box.appendChild(pair);
}

function renderClusters(): void {
  const box = byIdIn('clusters');
  box.textContent = '';
  box.appendChild(el('h2', { text: t('clusters') }));
  if (!R.clusters.length) {
    box.appendChild(el('p', { class: 'muted', text: t('noClusters') }));
    return;
  }
  const list = el('ul');
  R.clusters.forEach(function (c, i) {
    const item = el('li', null, [
      t('clusterOf') +
        ' ' +
        (i + 1) +
        ' (' +
        c.plans.length +
        ' ' +
        t('plansIn', c.plans.length) +
        ', ≥ ' +
        pct(c.minSimilarity) +
        '): ',
    ]);
    c.plans.forEach(function (id, j) {
      item.appendChild(el('a', { href: '#plan=' + encodeURIComponent(id), text: id }));
      if (j < c.plans.length - 1) item.appendChild(document.createTextNode(', '));
    });
    list.appendChild(item);
  });
  box.appendChild(list);
}

function renderErrors(): void {
  const box = byIdIn('errors');
  box.textContent = '';
  box.appendChild(el('h2', { text: t('errorsTitle') }));
  if (!R.errors.length) {
    box.appendChild(el('p', { class: 'muted', text: t('noErrors') }));
    return;
  }
  const table = el('table', null, [
    el('thead', null, [
      el('tr', null, [
        el('th', { text: t('file') }),
        el('th', { text: t('code') }),
        el('th', { text: t('reason') }),
      ]),
    ]),
  ]);
  const body = el('tbody');
  R.errors.forEach(function (e) {
    body.appendChild(
      el('tr', { class: 'err' }, [
        el('td', { text: e.file }),
        el('td', { text: e.code }),
        el('td', { text: e.message }),
      ]),
    );
  });
  table.appendChild(body);
  box.appendChild(table);
}

function select(id: string): void {
  if (!byId[id]) return;
  selected = id;
  selectedSource = 0;
  const hash = '#plan=' + encodeURIComponent(id);
  if (location.hash !== hash) history.replaceState(null, '', hash);
  renderTable();
  renderDetail();
  byIdIn('detail').scrollIntoView({ block: 'start' });
}
function closeDetail(): void {
  const id = selected;
  selected = null;
  history.replaceState(null, '', location.pathname + location.search);
  renderTable();
  renderDetail();
  const row =
    id && document.querySelector<HTMLElement>('#plans tbody tr[data-id="' + CSS.escape(id) + '"]');
  if (row) {
    row.focus();
    row.scrollIntoView({ block: 'center' });
  }
}
function fromHash(): void {
  const m = /^#plan=(.*)$/.exec(location.hash);
  if (!m) return;
  let id: string;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    return;
  }
  if (id !== selected) select(id);
}

function renderAll(): void {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach(function (n) {
    n.textContent = t(n.getAttribute('data-i18n')!);
  });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(function (n) {
    n.setAttribute('placeholder', t(n.getAttribute('data-i18n-placeholder')!));
  });
  document.querySelectorAll('[data-lang]').forEach(function (b) {
    b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
  });
  fillChoices('unit-filter', distinct('unit'));
  fillChoices('type-filter', distinct('type'));
  renderSummary();
  renderTable();
  renderDetail();
  renderClusters();
  renderErrors();
}

function sortBy(th: Element): void {
  const key = th.getAttribute('data-key')!;
  if (key === sortKey) sortDir = -sortDir;
  else {
    sortKey = key;
    sortDir = key === 'score' || key === 'fromReferences' || key === 'fromPeers' ? -1 : 1;
  }
  shownRows = PAGE;
  renderTable();
}
document.querySelectorAll<HTMLElement>('#plans th').forEach(function (th) {
  th.setAttribute('tabindex', '0');
  th.addEventListener('click', function () {
    sortBy(th);
  });
  th.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      sortBy(th);
      th.focus();
    }
  });
});
// One listener for all rows: a page of 1,000 rows does not need 1,000 listeners.
const tbody = document.querySelector<HTMLElement>('#plans tbody')!;
tbody.addEventListener('click', function (e) {
  const tr = (e.target as Element).closest('tr');
  if (tr) select(tr.getAttribute('data-id')!);
});
tbody.addEventListener('keydown', function (e) {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const tr = (e.target as Element).closest('tr');
  if (tr) {
    e.preventDefault();
    select(tr.getAttribute('data-id')!);
  }
});
// Filtering 100,000 rows is one pass, run once typing pauses.
let timer: ReturnType<typeof setTimeout> | undefined;
function refilter(): void {
  clearTimeout(timer);
  timer = setTimeout(function () {
    shownRows = PAGE;
    renderTable();
  }, 150);
}
['filter', 'min-score', 'max-score', 'date-from', 'date-to'].forEach(function (id) {
  byIdIn(id).addEventListener('input', refilter);
});
['copied-only', 'unit-filter', 'type-filter'].forEach(function (id) {
  byIdIn(id).addEventListener('change', refilter);
});
byIdIn('more').addEventListener('click', function () {
  shownRows += PAGE;
  renderTable();
});
document.querySelectorAll('[data-lang]').forEach(function (b) {
  b.addEventListener('click', function () {
    lang = b.getAttribute('data-lang') === 'en' ? 'en' : 'vi';
    renderAll();
  });
});
window.addEventListener('hashchange', fromHash);
renderAll();
fromHash();
