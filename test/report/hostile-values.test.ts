/**
 * Values from documents and options that must never become code: CSV cells
 * that a spreadsheet would run as a formula, and the HTML report's language
 * option, which is written into the page. Also arguments that would make the
 * LSH parameter search run for ever.
 */
import { describe, expect, it } from 'vitest';
import { type ScanReport, SaochepError, csvReport, htmlReport } from '../../src/index.js';
import { optimalLshParams } from '../../src/sketch/index.js';

function reportWith(ids: string[]): ScanReport {
  return {
    schema: 'saochep-scan-report',
    schemaVersion: 2,
    saochep: 'test',
    input: { archive: 'a' },
    options: {
      threshold: 0.5,
      copiedAt: 0.5,
      lshThreshold: 0.5,
      clusterSimilarity: 0.6,
      limit: 10,
      index: {},
    },
    summary: {
      files: ids.length,
      plans: ids.length,
      references: 0,
      errors: 0,
      copied: 0,
      copiedFromReferences: 0,
      meanScore: 0,
      topSources: [],
    },
    plans: ids.map((id) => ({
      id,
      file: id,
      format: 'txt',
      encoding: 'unicode',
      language: 'vi',
      dateSource: 'none',
      characters: 10,
      score: 0,
      ignored: 0,
      breakdown: { fromReferences: 0, fromPeers: 0, original: 1 },
      copied: false,
      finding: { vi: 'x', en: 'x' },
      sources: [],
    })),
    clusters: [],
    errors: [],
  } as ScanReport;
}

/** The first cell of each data row, as a spreadsheet reads it (quotes undone). */
function firstCells(csv: string): string[] {
  return csv
    .split('\r\n')
    .slice(1, -1)
    .map((row) => {
      const m = /^("(?:[^"]|"")*"|[^,]*)/.exec(row)![0];
      return m.startsWith('"') ? m.slice(1, -1).replace(/""/g, '"') : m;
    });
}

describe('CSV cells', () => {
  it('neutralise every cell that starts with = + - @, a TAB or a CR; numbers stay numbers', () => {
    const hostile = ['=1+1', '+cmd', '-1+cmd|calc', '@SUM(A1)', '\tTAB', '\rCR', '-x'];
    const cells = firstCells(csvReport(reportWith(hostile)));
    expect(cells).toEqual(hostile.map((h) => `'${h}`));
    expect(firstCells(csvReport(reportWith(['-0.5', '12', 'Kế hoạch 12'])))).toEqual([
      '-0.5',
      '12',
      'Kế hoạch 12',
    ]);
  });
});

describe('the HTML report language', () => {
  it('is refused unless it is one the page has, so it never reaches the page as markup', () => {
    const report = reportWith(['P1']);
    const bad = 'vi"><script>alert(1)</script>' as unknown as 'vi';
    expect(() => htmlReport(report, new Map(), { language: bad })).toThrow(SaochepError);
    expect(() => htmlReport(report, new Map(), { language: bad })).toThrow(/'vi' or 'en'/);
    expect(htmlReport(report, new Map(), { language: 'en' })).toContain('<html lang="en">');
  });
});

describe('optimalLshParams', () => {
  it('refuses a numPerm outside 1..1024 and a threshold outside 0..1 instead of searching for ever', () => {
    for (const numPerm of [0, -1, 1.5, 1e6, Number.NaN])
      expect(() => optimalLshParams(0.5, numPerm), String(numPerm)).toThrow(
        expect.objectContaining({ code: 'ERR_SAOCHEP_INVALID_OPTION' }),
      );
    expect(() => optimalLshParams(2, 128)).toThrow(
      expect.objectContaining({ code: 'ERR_SAOCHEP_INVALID_OPTION' }),
    );
    expect(optimalLshParams(0.5, 128)).toEqual({ bands: 25, rows: 5 });
  });
});
