/**
 * The HTML report as a person uses it, in headless Chromium (Debian's
 * chromium package, driven by playwright-core): no network, the table sorts,
 * a plan's side-by-side view opens with the copied passages highlighted in
 * both documents, and they are the copied ones. A screenshot is saved to
 * test-artifacts/. Without /usr/bin/chromium the test is skipped and says so;
 * .ci/run installs it, so CI always runs it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport, scanArchive, type ScanReport } from '../../src/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = join(ROOT, 'corpus/sample');
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
    const dates = await page.$$eval('#plans tbody tr td:nth-child(4)', (cells) =>
      cells.map((c) => c.textContent ?? ''),
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
    expect(await rows()).toBe(1);
    await large.close();
  });

  it('switches to English and back', async () => {
    await page.click('[data-testid=lang-en]');
    expect(await page.textContent('h1')).toBe('Copied plans report');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('[data-testid=lang-vi]');
    expect(await page.textContent('h1')).toBe('Báo cáo sao chép kế hoạch');
  });
});
