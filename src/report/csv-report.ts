/**
 * The CSV report: one row per plan, UTF-8 with a byte order mark and CRLF
 * line ends so that Excel opens Vietnamese text correctly, quoted as RFC 4180
 * says.
 */
import type { ScanReport } from '../scan/report-model.js';
import { assertReport } from './validate-report.js';

const COLUMNS = [
  'id',
  'file',
  'unit',
  'number',
  'date',
  'date_source',
  'score',
  'from_references',
  'from_peers',
  'original',
  'ignored',
  'copied',
  'sources',
  'encoding',
  'language',
  'finding',
  'read_by',
  'ocr_pages',
] as const;

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function field(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  // A leading = + - @, TAB or CR would make a spreadsheet formula of a cell ("-1+cmd|…" too):
  // keep it text. Plain numbers ("-0.5", "12") stay numbers.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV report in pieces (one per row), byte order mark first. */
export function* csvReportChunks(report: ScanReport): Generator<string> {
  yield `\uFEFF${COLUMNS.join(',')}\r\n`;
  for (const p of report.plans) {
    const sources = p.sources
      .slice(0, 5)
      .map((s) => `${s.id} (${Math.round(s.containment * 100)}%${s.reference ? ', ref' : ''})`)
      .join('; ');
    yield `${[
      p.id,
      p.file,
      p.unit,
      p.number,
      p.date,
      p.dateSource,
      p.score.toFixed(4),
      p.breakdown.fromReferences.toFixed(4),
      p.breakdown.fromPeers.toFixed(4),
      p.breakdown.original.toFixed(4),
      p.ignored.toFixed(4),
      p.copied ? 'yes' : 'no',
      sources,
      p.encoding,
      p.language,
      p.finding.vi,
      p.readBy,
      p.ocrPages,
    ]
      .map(field)
      .join(',')}\r\n`;
  }
}

/** The report as CSV text, byte order mark included. */
export function csvReport(report: ScanReport): string {
  assertReport('csvReport', report);
  return [...csvReportChunks(report)].join('');
}
