/**
 * The HTML report's script: plain browser JavaScript, no library. It reads
 * the embedded report, fills the page, sorts and filters the table, and
 * shows a plan side by side with a source, the passages marked in both.
 * Texts enter the page as text nodes only, never as HTML.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('saochep-data').textContent);
  var R = DATA.report;
  var TEXTS = DATA.texts;
  var WORDS = {
    vi: {
      title: 'Báo cáo sao chép kế hoạch', plans: 'Các kế hoạch', file: 'Tệp', unit: 'Đơn vị ban hành', date: 'Ngày',
      score: 'Điểm sao chép', fromReferences: 'Từ văn bản cấp trên', fromPeers: 'Từ đơn vị khác', mainSource: 'Nguồn chính',
      filter: 'Lọc theo tệp, đơn vị, số…', read: 'kế hoạch đã đọc', copied: 'kế hoạch sao chép (điểm ≥ ',
      mostlyRefs: 'chủ yếu chép văn bản cấp trên', errors: 'tệp không đọc được', mean: 'điểm trung bình',
      topSources: 'Nguồn bị chép nhiều nhất', clusters: 'Nhóm kế hoạch gần như giống hệt', noClusters: 'Không có nhóm nào.',
      errorsTitle: 'Tệp không đọc được', noErrors: 'Không có lỗi.', reason: 'Lý do', code: 'Mã',
      sources: 'Nguồn', reference: 'văn bản cấp trên', earlier: 'ban hành trước', later: 'ban hành sau',
      plan: 'Kế hoạch', source: 'Nguồn', noText: 'Báo cáo không kèm toàn văn của kế hoạch này (các đoạn chép có trong báo cáo JSON).',
      noSources: 'Không tìm thấy nguồn nào.', verbatim: 'chép nguyên văn', edited: 'chép có sửa', passages: 'đoạn chép',
      similarity: 'tương đồng', containment: 'tỷ lệ lấy từ nguồn', ignored: 'phần khung văn bản bỏ qua',
      plansIn: 'kế hoạch', clusterOf: 'Nhóm', version: 'saochep', schema: 'lược đồ báo cáo',
      showMore: 'Xem thêm', left: 'còn lại'
    },
    en: {
      title: 'Copied plans report', plans: 'Plans', file: 'File', unit: 'Issuing body', date: 'Date',
      score: 'Copy score', fromReferences: 'From directives', fromPeers: 'From other units', mainSource: 'Main source',
      filter: 'Filter by file, unit, number…', read: 'plans read', copied: 'copied plans (score ≥ ',
      mostlyRefs: 'mostly copied from directives', errors: 'files not read', mean: 'mean score',
      topSources: 'Most copied sources', clusters: 'Clusters of near-identical plans', noClusters: 'No clusters.',
      errorsTitle: 'Files not read', noErrors: 'No errors.', reason: 'Reason', code: 'Code',
      sources: 'Sources', reference: 'directive', earlier: 'issued earlier', later: 'issued later',
      plan: 'Plan', source: 'Source', noText: 'The report does not include the full text of this plan (the JSON report lists its copied passages).',
      noSources: 'No source found.', verbatim: 'verbatim', edited: 'edited', passages: 'passages',
      similarity: 'similarity', containment: 'share taken from the source', ignored: 'document frame set aside',
      plansIn: 'plans', clusterOf: 'Cluster', version: 'saochep', schema: 'report schema',
      showMore: 'Show more', left: 'left'
    }
  };
  var lang = DATA.language === 'en' ? 'en' : 'vi';
  var sortKey = 'score';
  var sortDir = -1;
  var selected = null;
  var selectedSource = 0;
  // A browser slows down with 100,000 rows in the table: they are shown a page at a time.
  var PAGE = 1000;
  var shownRows = PAGE;
  function t(key) { return WORDS[lang][key]; }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'class') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function pct(x) { return (Math.round(x * 1000) / 10).toFixed(1) + '%'; }
  var byId = {};
  R.plans.forEach(function (p, i) { p.rank = i + 1; byId[p.id] = p; });
  function mainSource(p) { return p.sources.length ? p.sources[0].id : ''; }
  function value(p, key) {
    if (key === 'fromReferences' || key === 'fromPeers') return p.breakdown[key];
    if (key === 'source') return mainSource(p);
    var v = p[key];
    return v === undefined ? '' : v;
  }

  function renderSummary() {
    var s = R.summary;
    var box = document.getElementById('summary');
    box.textContent = '';
    var cards = el('div', { class: 'cards' }, [
      el('div', { class: 'card', 'data-testid': 'count-plans' }, [el('b', { text: String(s.plans) }), el('span', { text: t('read') })]),
      el('div', { class: 'card', 'data-testid': 'count-copied' }, [el('b', { text: String(s.copied) }), el('span', { text: t('copied') + R.options.threshold + ')' })]),
      el('div', { class: 'card' }, [el('b', { text: String(s.copiedFromReferences) }), el('span', { text: t('mostlyRefs') })]),
      el('div', { class: 'card' }, [el('b', { text: pct(s.meanScore) }), el('span', { text: t('mean') })]),
      el('div', { class: 'card' }, [el('b', { text: String(s.errors) }), el('span', { text: t('errors') })])
    ]);
    box.appendChild(cards);
    if (s.topSources.length) {
      box.appendChild(el('h2', { text: t('topSources') }));
      var list = el('ol');
      s.topSources.forEach(function (src) {
        list.appendChild(el('li', null, [src.id + ' — ' + src.plans + ' ' + t('plansIn') + (src.reference ? ' (' + t('reference') + ')' : '')]));
      });
      box.appendChild(list);
    }
    box.appendChild(el('p', { class: 'muted', text: t('version') + ' ' + R.saochep + ' · ' + t('schema') + ' ' + R.schemaVersion }));
  }

  function renderTable() {
    var filter = document.getElementById('filter').value.trim().toLowerCase();
    var rows = R.plans.filter(function (p) {
      if (!filter) return true;
      return [p.id, p.unit || '', p.number || '', p.title || ''].join(' ').toLowerCase().indexOf(filter) >= 0;
    });
    rows.sort(function (a, b) {
      var x = value(a, sortKey), y = value(b, sortKey);
      if (x < y) return -sortDir;
      if (x > y) return sortDir;
      return a.rank - b.rank;
    });
    var body = document.querySelector('#plans tbody');
    body.textContent = '';
    var more = document.getElementById('more');
    var left = rows.length - shownRows;
    more.hidden = left <= 0;
    more.textContent = t('showMore') + ' (' + Math.max(left, 0) + ' ' + t('left') + ')';
    rows.slice(0, shownRows).forEach(function (p) {
      var tr = el('tr', { 'data-id': p.id, class: (p.copied ? 'copied' : '') + (p.id === selected ? ' selected' : '') }, [
        el('td', { class: 'num', text: String(p.rank) }),
        el('td', { text: p.id }),
        el('td', { text: p.unit || '' }),
        el('td', { text: p.date || '' }),
        el('td', { class: 'num score', 'data-score': String(p.score) }, [pct(p.score), el('span', { class: 'bar', style: 'width:' + Math.round(p.score * 60) + 'px' })]),
        el('td', { class: 'num', text: pct(p.breakdown.fromReferences) }),
        el('td', { class: 'num', text: pct(p.breakdown.fromPeers) }),
        el('td', { text: mainSource(p) })
      ]);
      tr.addEventListener('click', function () { select(p.id); });
      body.appendChild(tr);
    });
    document.querySelectorAll('#plans th').forEach(function (th) {
      th.setAttribute('aria-sort', th.getAttribute('data-key') === sortKey ? (sortDir < 0 ? 'descending' : 'ascending') : 'none');
    });
  }

  /** A pane with the text and its marked ranges, as text nodes and mark elements. */
  function pane(title, text, ranges, side) {
    var box = el('div', { class: 'pane', 'data-testid': 'pane-' + side }, [el('h3', { text: title })]);
    if (text === undefined) { box.appendChild(el('p', { class: 'muted', text: t('noText') })); return box; }
    var sorted = ranges.slice().sort(function (a, b) { return a.start - b.start; });
    var at = 0;
    sorted.forEach(function (r) {
      var start = Math.max(r.start, at);
      if (r.end <= start) return;
      box.appendChild(document.createTextNode(text.slice(at, start)));
      box.appendChild(el('mark', { class: r.cls, 'data-passage': String(r.k), title: r.label, text: text.slice(start, r.end) }));
      at = r.end;
    });
    box.appendChild(document.createTextNode(text.slice(at)));
    return box;
  }

  function renderDetail() {
    var box = document.getElementById('detail');
    box.textContent = '';
    var p = byId[selected];
    if (!p) { box.hidden = true; return; }
    box.hidden = false;
    box.appendChild(el('h2', { text: t('plan') + ': ' + p.id }));
    box.appendChild(el('p', null, [
      (p.unit ? p.unit + ' · ' : '') + (p.number ? p.number + ' · ' : '') + (p.date || ''),
      el('br'),
      t('score') + ': ' + pct(p.score) + ' (' + t('fromReferences') + ' ' + pct(p.breakdown.fromReferences) + ', ' + t('fromPeers') + ' ' + pct(p.breakdown.fromPeers) + ') · ' + t('ignored') + ': ' + pct(p.ignored)
    ]));
    if (p.title) box.appendChild(el('p', { class: 'muted', text: p.title }));
    if (!p.sources.length) { box.appendChild(el('p', { text: t('noSources') })); return; }
    var buttons = el('div', { class: 'sources', 'data-testid': 'sources' }, [el('b', { text: t('sources') + ': ' })]);
    p.sources.forEach(function (s, i) {
      var b = el('button', { type: 'button', 'aria-pressed': String(i === selectedSource), 'data-source': s.id }, [
        s.id + ' · ' + pct(s.containment) + (s.reference ? ' · ' + t('reference') : '') + (s.earlier === true ? ' · ' + t('earlier') : s.earlier === false ? ' · ' + t('later') : '')
      ]);
      b.addEventListener('click', function () { selectedSource = i; renderDetail(); });
      buttons.appendChild(b);
    });
    box.appendChild(buttons);
    var s = p.sources[selectedSource];
    var passages = s.passages || [];
    box.appendChild(el('p', { class: 'legend' }, [
      el('mark', { text: t('verbatim') }), el('mark', { class: 'edited', text: t('edited') }),
      (s.passages ? passages.length + ' ' + t('passages') + ' · ' : '') + t('similarity') + ' ' + pct(s.similarity) + ' · ' + t('containment') + ' ' + pct(s.containment)
    ]));
    var cls = function (q) { return (q.kind === 'edited' ? 'edited' : '') + (s.reference ? ' reference' : ''); };
    var left = passages.map(function (q, k) { return { start: q.start, end: q.end, k: k, cls: cls(q), label: t(q.kind) }; });
    var right = passages.map(function (q, k) { return { start: q.sourceStart, end: q.sourceEnd, k: k, cls: cls(q), label: t(q.kind) }; });
    var pair = el('div', { class: 'pair' }, [
      pane(t('plan') + ': ' + p.id, TEXTS[p.id], left, 'plan'),
      pane(t('source') + ': ' + s.id, TEXTS[s.id], right, 'source')
    ]);
    pair.addEventListener('click', function (e) {
      var m = e.target.closest('mark');
      if (!m) return;
      var k = m.getAttribute('data-passage');
      pair.querySelectorAll('mark.active').forEach(function (x) { x.classList.remove('active'); });
      pair.querySelectorAll('mark[data-passage="' + k + '"]').forEach(function (x) {
        x.classList.add('active');
        if (x !== m) x.scrollIntoView({ block: 'center' });
      });
    });
    box.appendChild(pair);
  }

  function renderClusters() {
    var box = document.getElementById('clusters');
    box.textContent = '';
    box.appendChild(el('h2', { text: t('clusters') }));
    if (!R.clusters.length) { box.appendChild(el('p', { class: 'muted', text: t('noClusters') })); return; }
    var list = el('ul');
    R.clusters.forEach(function (c, i) {
      var item = el('li', null, [t('clusterOf') + ' ' + (i + 1) + ' (' + c.plans.length + ', ≥ ' + pct(c.minSimilarity) + '): ']);
      c.plans.forEach(function (id, j) {
        var a = el('a', { href: '#', text: id });
        a.addEventListener('click', function (e) { e.preventDefault(); select(id); });
        item.appendChild(a);
        if (j < c.plans.length - 1) item.appendChild(document.createTextNode(', '));
      });
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  function renderErrors() {
    var box = document.getElementById('errors');
    box.textContent = '';
    box.appendChild(el('h2', { text: t('errorsTitle') }));
    if (!R.errors.length) { box.appendChild(el('p', { class: 'muted', text: t('noErrors') })); return; }
    var table = el('table', null, [el('thead', null, [el('tr', null, [el('th', { text: t('file') }), el('th', { text: t('code') }), el('th', { text: t('reason') })])])]);
    var body = el('tbody');
    R.errors.forEach(function (e) { body.appendChild(el('tr', { class: 'err' }, [el('td', { text: e.file }), el('td', { text: e.code }), el('td', { text: e.message })])); });
    table.appendChild(body);
    box.appendChild(table);
  }

  function select(id) {
    selected = id;
    selectedSource = 0;
    renderTable();
    renderDetail();
    document.getElementById('detail').scrollIntoView({ block: 'start' });
  }

  function renderAll() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (n) { n.textContent = t(n.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (n) { n.setAttribute('placeholder', t(n.getAttribute('data-i18n-placeholder'))); });
    document.querySelectorAll('[data-lang]').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang)); });
    renderSummary();
    renderTable();
    renderDetail();
    renderClusters();
    renderErrors();
  }

  document.querySelectorAll('#plans th').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-key');
      if (key === sortKey) sortDir = -sortDir;
      else { sortKey = key; sortDir = key === 'score' || key === 'fromReferences' || key === 'fromPeers' ? -1 : 1; }
      shownRows = PAGE;
      renderTable();
    });
  });
  document.getElementById('filter').addEventListener('input', function () { shownRows = PAGE; renderTable(); });
  document.getElementById('more').addEventListener('click', function () { shownRows += PAGE; renderTable(); });
  document.querySelectorAll('[data-lang]').forEach(function (b) {
    b.addEventListener('click', function () { lang = b.getAttribute('data-lang'); renderAll(); });
  });
  renderAll();
})();
`;
