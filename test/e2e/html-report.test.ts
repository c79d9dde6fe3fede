/**
 * The HTML report as a person uses it, in headless Chromium (Debian's
 * chromium package, driven by playwright-core): no network, the table sorts,
 * a plan's side-by-side view opens with the copied passages highlighted in
 * both documents, and they are the copied ones. A screenshot is saved to
 * test-artifacts/ (git-ignored) for each view. Without /usr/bin/chromium the test is skipped and says so;
 * .ci/run installs it, so CI always runs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport, scanArchive, type ScanReport } from '../../src/index.js';
import type { ReportPlan } from '../../src/scan/report-model.js';
import { ROOT, SAMPLE } from '../helpers/paths.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.SAOCHEP_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  console.warn(
    `e2e test of the HTML report skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set SAOCHEP_CHROMIUM); .ci/run installs it.`,
  );
}

interface TruthPlan {
  id: string;
  passages: Array<{ start: number; end: number }>;
}

describe.skipIf(!available)('the HTML report in Chromium', () => {
  // Made in beforeAll: the body of a skipped describe still runs, its afterAll does not.
  let tmp = '';
  let browser: Browser;
  let page: Page;
  let report: ScanReport;
  let texts: ReadonlyMap<string, string>;
  const requests: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'saochep-e2e-'));
    const result = await scanArchive({
      archive: join(SAMPLE, 'plans'),
      references: join(SAMPLE, 'directives'),
      jobs: 1,
    });
    report = result.report;
    texts = result.texts;
    const file = join(tmp, 'report.html');
    writeFileSync(file, htmlReport(report, texts));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const scores = () =>
    page.$$eval('#plans tbody tr td.score', (cells) =>
      cells.map((c) => Number(c.getAttribute('data-score'))),
    );

  it('shows the summary and every plan, and asks nothing of the network', async () => {
    expect(await page.textContent('[data-testid=count-plans] b')).toBe(
      String(report.summary.plans),
    );
    expect(await page.textContent('[data-testid=count-copied] b')).toBe(
      String(report.summary.copied),
    );
    expect(await page.locator('#plans tbody tr').count()).toBe(report.plans.length);
    expect(requests).toEqual([]);
  });

  it('sorts the table by score, both ways, and by date', async () => {
    const initial = await scores();
    expect(initial).toEqual([...initial].sort((a, b) => b - a));
    await page.click('[data-testid=sort-score]');
    const ascending = await scores();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await page.getAttribute('[data-testid=sort-score]', 'aria-sort')).toBe('ascending');
    await page.click('th[data-key=date]');
    const dates = await page.$$eval('#plans tbody tr td.date', (cells) =>
      cells.map((c) => c.getAttribute('data-date') ?? ''),
    );
    expect(dates).toEqual([...dates].sort());
    await page.click('[data-testid=sort-score]');
    const descending = await scores();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
  });

  it('opens a plan side by side with its source, the copied passages highlighted in both', async () => {
    const truth = JSON.parse(readFileSync(join(SAMPLE, 'truth.json'), 'utf8')) as {
      plans: TruthPlan[];
    };
    // The most copied plan that copied a peer.
    const plan = report.plans.find(
      (p) => p.copied && p.sources.length > 0 && !p.sources[0].reference,
    )!;
    await page.click(`#plans tbody tr[data-id="${plan.id}"]`);
    await page.waitForSelector('[data-testid=detail]:not([hidden])');
    const source = plan.sources[0];
    const planText = texts.get(plan.id)!;
    const sourceText = texts.get(source.id)!;
    const shownPlan = await page.$$eval('[data-testid=pane-plan] mark', (marks) =>
      marks.map((m) => m.textContent),
    );
    const shownSource = await page.$$eval('[data-testid=pane-source] mark', (marks) =>
      marks.map((m) => m.textContent),
    );
    expect(shownPlan).toEqual(source.passages.map((p) => planText.slice(p.start, p.end)));
    expect(shownSource.join('')).toBe(
      [...source.passages]
        .sort((a, b) => a.sourceStart - b.sourceStart)
        .map((p) => sourceText.slice(p.sourceStart, p.sourceEnd))
        .join(''),
    );
    // The highlighted text is the copied text the generator recorded.
    const recorded = truth.plans.find(
      (p) => `${p.id}.txt` === plan.id || `${p.id}.docx` === plan.id,
    )!;
    let inTruth = 0;
    let marked = 0;
    for (const p of source.passages) {
      marked += p.end - p.start;
      for (const t of recorded.passages)
        inTruth += Math.max(0, Math.min(p.end, t.end) - Math.max(p.start, t.start));
    }
    expect(inTruth / marked).toBeGreaterThan(0.8);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: false });
    await page.click('[data-testid=back]');
  });

  it('shows a large archive a page of 1,000 rows at a time, sorted over all of them', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => {
      const p = report.plans[i % report.plans.length];
      return { ...p, id: `${i}-${p.id}`, score: ((i * 7919) % 2500) / 2500 };
    });
    const file = join(tmp, 'large.html');
    writeFileSync(file, htmlReport({ ...report, plans: many }, texts));
    const large = await browser.newPage();
    await large.goto(pathToFileURL(file).href);
    const rows = () => large.locator('#plans tbody tr').count();
    const top = [...many].sort((a, b) => b.score - a.score).slice(0, 1000);
    expect(await rows()).toBe(1000);
    const shown = await large.$$eval('#plans tbody tr td.score', (cells) =>
      cells.map((c) => Number(c.getAttribute('data-score'))),
    );
    expect(shown).toEqual(top.map((p) => p.score));
    expect(await large.textContent('[data-testid=more]')).toContain('1500');
    await large.click('[data-testid=more]');
    expect(await rows()).toBe(2000);
    await large.click('[data-testid=more]');
    expect(await rows()).toBe(2500);
    expect(await large.isHidden('[data-testid=more]')).toBe(true);
    await large.click('[data-testid=sort-score]'); // a new order starts from its first page
    expect(await rows()).toBe(1000);
    await large.fill('[data-testid=filter]', '1234-');
    await expect.poll(rows).toBe(1);
    await large.close();
  });

  /** A hand-made report written to the temp folder and opened in a new page. */
  async function open(name: string, r: ScanReport, t: ReadonlyMap<string, string>, hash = '') {
    const file = join(tmp, name);
    writeFileSync(file, htmlReport(r, t));
    const p = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(pathToFileURL(file).href + hash);
    return { p, errors };
  }
  const rowIds = (p: Page) =>
    p.$$eval('#plans tbody tr', (rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
  const shot = async (p: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await p.screenshot({ path: join(ARTIFACTS, name), fullPage: false });
  };
  // Browser code as text: the tests are type-checked without the DOM library.
  const backgrounds = (p: Page, selector: string) =>
    p.evaluate(
      `[...document.querySelectorAll(${JSON.stringify(selector)})].map((x) => getComputedStyle(x).backgroundColor)`,
    ) as Promise<string[]>;
  const lower = (p: ReportPlan) =>
    [p.id, p.unit ?? '', p.number ?? '', p.title ?? '', p.type ?? ''].join(' ').toLowerCase();

  it('filters by score range, copied only, unit, document type and dates', async () => {
    const { p } = await open('filters.html', report, texts);
    const all = report.plans.length;
    await p.fill('[data-testid=min-score]', '70');
    await p.fill('[data-testid=max-score]', '90');
    await expect
      .poll(() => rowIds(p).then((r) => r.length))
      .toBe(report.plans.filter((q) => q.score >= 0.7 && q.score <= 0.9).length);
    await p.fill('[data-testid=min-score]', '');
    await p.fill('[data-testid=max-score]', '');
    await p.check('[data-testid=copied-only]');
    await expect.poll(() => rowIds(p).then((r) => r.length)).toBe(report.summary.copied);
    await p.uncheck('[data-testid=copied-only]');
    const unit = report.plans.find((q) => q.unit)!.unit!;
    await p.selectOption('[data-testid=unit-filter]', unit);
    await expect
      .poll(() => rowIds(p).then((r) => r.sort()))
      .toEqual(
        report.plans
          .filter((q) => q.unit === unit)
          .map((q) => q.id)
          .sort(),
      );
    await p.selectOption('[data-testid=unit-filter]', '');
    const types = [...new Set(report.plans.map((q) => q.type).filter(Boolean))];
    expect(types.length).toBeGreaterThan(0);
    await p.selectOption('[data-testid=type-filter]', types[0]!);
    await expect
      .poll(() => rowIds(p).then((r) => r.length))
      .toBe(report.plans.filter((q) => q.type === types[0]).length);
    await p.selectOption('[data-testid=type-filter]', '');
    await p.fill('[data-testid=date-from]', '2024-01-01');
    await p.fill('[data-testid=date-to]', '2024-06-30');
    const inRange = report.plans.filter(
      (q) => q.date !== undefined && q.date >= '2024-01-01' && q.date <= '2024-06-30',
    );
    expect(inRange.length).toBeGreaterThan(0);
    expect(inRange.length).toBeLessThan(all);
    await expect
      .poll(() => rowIds(p).then((r) => r.sort()))
      .toEqual(inRange.map((q) => q.id).sort());
    await shot(p, 'html-report-filters.png');
    await p.close();
  });

  it('finds words without their diacritics, đ as d', async () => {
    const { p } = await open('search.html', report, texts);
    for (const [typed, written] of [
      ['so y te', 'sở y tế'],
      ['DONG HUNG', 'đông hưng'],
    ] as const) {
      const expected = report.plans.filter((q) => lower(q).includes(written)).map((q) => q.id);
      expect(expected.length).toBeGreaterThan(0);
      await p.fill('[data-testid=filter]', typed);
      await expect.poll(() => rowIds(p).then((r) => r.sort())).toEqual(expected.sort());
    }
    await p.close();
  });

  it('writes numbers and dates the Vietnamese way in Vietnamese, and counts in English right', async () => {
    const { p } = await open('formats.html', report, texts);
    const first = [...report.plans].sort((a, b) => b.score - a.score)[0]!;
    const cell = (sel: string) => p.textContent(`#plans tbody tr[data-id="${first.id}"] ${sel}`);
    const [y, m, d] = first.date!.split('-');
    expect(await cell('td.date')).toBe(`${d}/${m}/${y}`);
    expect(await cell('td.score')).toBe((first.score * 100).toFixed(1).replace('.', ',') + '%');
    expect(await p.textContent('[data-testid=count-copied] span')).toContain('≥ 0,5)');
    await p.click('[data-testid=lang-en]');
    expect(await cell('td.date')).toBe(first.date);
    expect(await cell('td.score')).toBe((first.score * 100).toFixed(1) + '%');
    expect(await p.textContent('[data-testid=count-plans] span')).toBe('plans read');
    await p.close();
    const one = { ...report, summary: { ...report.summary, plans: 1, errors: 1 } };
    const { p: q } = await open('one.html', one, texts, '');
    await q.click('[data-testid=lang-en]');
    expect(await q.textContent('[data-testid=count-plans] span')).toBe('plan read');
    expect(await q.textContent('#summary')).toContain('file not read');
    await q.close();
  });

  it('opens a plan from its link, goes back to the table, and works from the keyboard', async () => {
    const plan = report.plans.find((q) => q.sources.length > 1)!;
    const { p, errors } = await open(
      'hash.html',
      report,
      texts,
      '#plan=' + encodeURIComponent(plan.id),
    );
    await p.waitForSelector('[data-testid=detail]:not([hidden])');
    expect(await p.textContent('[data-testid=detail] h2')).toContain(plan.id);
    expect(await p.getAttribute('[data-testid=plan-link]', 'href')).toBe(
      '#plan=' + encodeURIComponent(plan.id),
    );
    // Each source has its own colour, in the list and in the text, and the legend shows it.
    const swatches = await backgrounds(p, '[data-testid=sources] .swatch');
    expect(swatches).toHaveLength(plan.sources.length);
    expect(new Set(swatches).size).toBe(Math.min(plan.sources.length, 6));
    for (const [i, s] of plan.sources.slice(0, 3).entries()) {
      await p.click(`[data-testid=sources] button[data-source="${s.id}"]`);
      const marks = await backgrounds(p, '[data-testid=pane-plan] mark');
      expect(marks.length).toBeGreaterThan(0);
      expect(new Set(marks)).toEqual(new Set([swatches[i]]));
      const legend = await backgrounds(p, '[data-testid=legend] mark');
      expect(legend).toContain(swatches[i]);
    }
    await shot(p, 'html-report-detail.png');
    await p.click('[data-testid=back]');
    expect(await p.isHidden('[data-testid=detail]')).toBe(true);
    expect(await p.evaluate('location.hash')).toBe('');
    expect(await p.evaluate("document.activeElement.getAttribute('data-id')")).toBe(plan.id);
    // Keyboard: Enter on a row opens it; Space on a header sorts.
    const other = report.plans.find((q) => q.id !== plan.id)!;
    expect(await p.getAttribute(`#plans tbody tr[data-id="${other.id}"]`, 'tabindex')).toBe('0');
    await p.focus(`#plans tbody tr[data-id="${other.id}"]`);
    await p.keyboard.press('Enter');
    await p.waitForSelector('[data-testid=detail]:not([hidden])');
    expect(await p.textContent('[data-testid=detail] h2')).toContain(other.id);
    expect(await p.evaluate('location.hash')).toBe('#plan=' + encodeURIComponent(other.id));
    await p.focus('th[data-key=unit]');
    await p.keyboard.press(' ');
    expect(await p.getAttribute('th[data-key=unit]', 'aria-sort')).toBe('ascending');
    await p.keyboard.press('Enter');
    expect(await p.getAttribute('th[data-key=unit]', 'aria-sort')).toBe('descending');
    expect(errors).toEqual([]);
    await p.close();
  });

  it("prints one plan's evidence whole: full texts, highlights, no cut-off panes", async () => {
    const plan = report.plans.find((q) => q.copied && q.sources.length > 0)!;
    const { p } = await open('print.html', report, texts, '#plan=' + encodeURIComponent(plan.id));
    await p.waitForSelector('[data-testid=detail]:not([hidden])');
    await p.emulateMedia({ media: 'print' });
    const styles = (await p.evaluate(`(() => {
      const pane = document.querySelector('[data-testid=pane-plan]');
      const mark = pane.querySelector('mark');
      const cs = getComputedStyle(pane);
      return {
        maxHeight: cs.maxHeight,
        overflow: cs.overflowY,
        header: getComputedStyle(document.querySelector('header.top')).position,
        table: getComputedStyle(document.getElementById('plans')).display,
        adjust: getComputedStyle(mark).getPropertyValue('print-color-adjust'),
        mark: getComputedStyle(mark).backgroundColor,
        whole: pane.scrollHeight <= pane.clientHeight + 1,
      };
    })()`)) as Record<string, string | boolean>;
    expect(styles).toMatchObject({
      maxHeight: 'none',
      overflow: 'visible',
      header: 'static',
      table: 'none',
      adjust: 'exact',
      whole: true,
    });
    expect(styles.mark).not.toBe('rgba(0, 0, 0, 0)');
    const pdf = join(tmp, 'plan.pdf');
    await p.pdf({ path: pdf, format: 'A4', printBackground: true });
    let pdftotext = true;
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    } catch {
      pdftotext = false;
      console.warn(
        'pdftotext missing (apt-get install poppler-utils): the PDF text is not checked',
      );
    }
    if (pdftotext) {
      const squash = (x: string) => x.normalize('NFC').replace(/\s+/g, '');
      const printed = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
      const planText = texts.get(plan.id)!;
      const sourceText = texts.get(plan.sources[0].id)!;
      expect(printed).toContain(squash(planText));
      expect(printed).toContain(squash(sourceText));
      const pages = Number(
        /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1],
      );
      // Two A4 texts of a few thousand characters each, and the plan's header.
      const chars = planText.length + sourceText.length;
      expect(pages).toBeGreaterThanOrEqual(Math.floor(chars / 6000));
      expect(pages).toBeLessThanOrEqual(Math.ceil(chars / 1000) + 1);
    }
    await p.close();
  });

  it("marks an edited passage's changed words in both texts, and shows the finding", async () => {
    const plan = report.plans.find(
      (q) => q.sources.length > 0 && q.sources[0].passages.some((x) => x.end - x.start > 40),
    )!;
    const source = plan.sources[0];
    const q = source.passages.find((x) => x.end - x.start > 40)!;
    const edits = [
      {
        start: q.start + 2,
        end: q.start + 8,
        sourceStart: q.sourceStart + 2,
        sourceEnd: q.sourceStart + 9,
        type: 'name' as const,
      },
      {
        start: q.start + 20,
        end: q.start + 24,
        sourceStart: q.sourceStart + 21,
        sourceEnd: q.sourceStart + 21,
        type: 'number' as const,
      },
    ];
    const edited: ReportPlan = {
      ...plan,
      finding: {
        vi: 'Kế hoạch chép gần hết văn bản nguồn, chỉ đổi tên đơn vị.',
        en: 'The plan copies its source, changing only the unit.',
      },
      sources: [
        {
          ...source,
          passages: source.passages.map((x) =>
            x === q ? { ...x, kind: 'edited' as const, edits } : x,
          ),
        },
        ...plan.sources.slice(1),
      ],
    };
    const r = { ...report, plans: report.plans.map((x) => (x.id === plan.id ? edited : x)) };
    const { p } = await open('edits.html', r, texts, '#plan=' + encodeURIComponent(plan.id));
    await p.waitForSelector('[data-testid=detail]:not([hidden])');
    const planText = texts.get(plan.id)!;
    const sourceText = texts.get(source.id)!;
    const spans = (side: string) =>
      p.$$eval(`[data-testid=pane-${side}] [data-edit]`, (s) =>
        s.map((x) => ({
          type: x.getAttribute('data-edit'),
          text: x.textContent,
          title: x.getAttribute('title'),
        })),
      );
    const left = await spans('plan');
    expect(left.map((x) => [x.type, x.text])).toEqual([
      ['name', planText.slice(edits[0].start, edits[0].end)],
      ['number', planText.slice(edits[1].start, edits[1].end)],
    ]);
    expect(left[0].title).toContain(sourceText.slice(edits[0].sourceStart, edits[0].sourceEnd));
    const right = await spans('source');
    expect(right.map((x) => [x.type, x.text])).toEqual([
      ['name', sourceText.slice(edits[0].sourceStart, edits[0].sourceEnd)],
      ['number', ''],
    ]);
    expect(right[1].title).toContain(planText.slice(edits[1].start, edits[1].end));
    // The marks still hold exactly the passage's text.
    const marks = await p.$$eval('[data-testid=pane-plan] mark', (m) =>
      m.map((x) => x.textContent),
    );
    expect(marks).toContain(planText.slice(q.start, q.end));
    expect(
      await p.$$eval('[data-testid=legend] [data-edit]', (s) =>
        s.map((x) => x.getAttribute('data-edit')),
      ),
    ).toEqual(['name', 'number', 'words']);
    expect(await p.textContent('[data-testid=finding]')).toContain(edited.finding!.vi);
    await shot(p, 'html-report-edits.png');
    await p.click('[data-testid=lang-en]');
    expect(await p.textContent('[data-testid=finding]')).toContain(edited.finding!.en);
    await p.close();
  });

  it('never runs document text as code, and shows a plan without sources as its text', async () => {
    const evil = 'x"><img src=x onerror="window.__pwned=1">.txt';
    const plan: ReportPlan = {
      ...report.plans[0],
      id: evil,
      title: '</script><script>window.__pwned=2</script>',
      unit: '<b onclick="window.__pwned=3">Sở</b>',
      type: '<i>KẾ HOẠCH</i>',
      sources: [],
    };
    const text =
      'Nội dung <script>window.__pwned=4</script> & <img src=x onerror="window.__pwned=5">';
    const r = { ...report, plans: [plan], clusters: [{ plans: [evil], minSimilarity: 0.9 }] };
    const { p, errors } = await open(
      'evil.html',
      r,
      new Map([[evil, text]]),
      '#plan=' + encodeURIComponent(evil),
    );
    await p.waitForSelector('[data-testid=detail]:not([hidden])');
    expect(await p.textContent('#plans tbody td.title')).toBe(plan.title);
    expect(await p.textContent('[data-testid=pane-plan]')).toContain(text);
    await p.click('#plans tbody td.title');
    expect(await p.evaluate('window.__pwned')).toBeUndefined();
    expect(await p.locator('img, i, [onclick], [onerror]').count()).toBe(0);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('switches to English and back', async () => {
    await page.click('[data-testid=lang-en]');
    expect(await page.textContent('h1')).toBe('Copied plans report');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('[data-testid=lang-vi]');
    expect(await page.textContent('h1')).toBe('Báo cáo sao chép kế hoạch');
  });
});
