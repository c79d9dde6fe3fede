/**
 * parseHeader on real documents: ../shared/corpus-legal (929 documents).
 *
 * - Against the hand-checked truth of bench/header-truth.json (a stratified
 *   sample of 120 documents the code was corrected against, and 40 more held
 *   out): unit, type and title right or wrong.
 * - On all documents: how often the type and số agree with the corpus's own
 *   (heuristic) doc_type and number fields, and how often a unit and a title
 *   are found on the framed documents.
 *
 *   npm run bench:header
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from 'saochep';
import { parseHeader } from 'saochep/read';
import { LEGAL_CORPUS, ROOT, environment, writeResults } from './util.js';

interface Row {
  id: string;
  text: string;
  doc_type?: string;
  number?: string;
  has_frame?: boolean;
}
interface Truth {
  id: string;
  set: 'tuning' | 'held-out';
  stratum: string;
  unit: string | null;
  type: string | null;
  title: string | null;
}

if (!existsSync(LEGAL_CORPUS)) {
  console.log(`bench:header skipped: ${LEGAL_CORPUS} is missing (the shared corpus is not here).`);
  process.exit(0);
}

const rows = new Map<string, Row>();
for (const line of readFileSync(LEGAL_CORPUS, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const row = JSON.parse(line) as Row;
  rows.set(row.id, row);
}
const truth = (
  JSON.parse(readFileSync(join(ROOT, 'bench/header-truth.json'), 'utf8')) as {
    documents: Truth[];
  }
).documents;

const squash = (s: string): string => normalizeText(s).replace(/\s+/g, ' ').trim();
const titleHash = (t: string): string =>
  createHash('sha256').update(squash(t)).digest('hex').slice(0, 16);
const same = (a: string | undefined, b: string | null): boolean =>
  b === null ? a === undefined : a !== undefined && squash(a) === squash(b);

const start = process.hrtime.bigint();
const fields = ['unit', 'type', 'title'] as const;
const sets = {
  tuning: { documents: 0, unit: 0, type: 0, title: 0, all: 0 },
  'held-out': { documents: 0, unit: 0, type: 0, title: 0, all: 0 },
};
const byStratum: Record<string, { documents: number; unit: number; type: number; title: number }> =
  {};
const wrong: Array<{ id: string; field: string }> = [];
for (const t of truth) {
  const row = rows.get(t.id);
  if (!row) throw new Error(`${t.id} of header-truth.json is not in the corpus`);
  const h = parseHeader(row.text);
  const ok = {
    unit: same(h.unit, t.unit),
    type: same(h.type, t.type),
    title:
      t.title === null
        ? h.title === undefined
        : h.title !== undefined && titleHash(h.title) === t.title,
  };
  const s = (byStratum[t.stratum] ??= { documents: 0, unit: 0, type: 0, title: 0 });
  const set = sets[t.set];
  s.documents++;
  set.documents++;
  for (const f of fields) {
    if (ok[f]) {
      set[f]++;
      s[f]++;
    } else wrong.push({ id: t.id, field: f });
  }
  if (ok.unit && ok.type && ok.title) set.all++;
}

let typeAgrees = 0;
let typed = 0;
let numberAgrees = 0;
let numbered = 0;
let framed = 0;
let framedUnit = 0;
let framedTitle = 0;
for (const row of rows.values()) {
  const h = parseHeader(row.text);
  if (row.doc_type) {
    typed++;
    if (h.type !== undefined && squash(h.type) === squash(row.doc_type)) typeAgrees++;
  }
  if (row.number) {
    numbered++;
    if (h.number === row.number) numberAgrees++;
  }
  if (row.has_frame) {
    framed++;
    if (h.unit !== undefined) framedUnit++;
    if (h.title !== undefined) framedTitle++;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

const share = (n: number, of: number): number => Math.round((n / of) * 10000) / 100;
const results = {
  environment: environment(),
  corpus: 'shared/corpus-legal',
  documents: rows.size,
  seconds: Math.round(seconds * 100) / 100,
  truth: {
    documents: truth.length,
    ...Object.fromEntries(
      Object.entries(sets).map(([name, c]) => [
        name,
        {
          documents: c.documents,
          unitRight: share(c.unit, c.documents),
          typeRight: share(c.type, c.documents),
          titleRight: share(c.title, c.documents),
          allThreeRight: share(c.all, c.documents),
        },
      ]),
    ),
    byStratum,
    wrong,
  },
  whole: {
    typeAgreesWithCorpusDocType: `${typeAgrees}/${typed} (${share(typeAgrees, typed)}%)`,
    numberAgreesWithCorpusNumber: `${numberAgrees}/${numbered} (${share(numberAgrees, numbered)}%)`,
    framedWithUnit: `${framedUnit}/${framed} (${share(framedUnit, framed)}%)`,
    framedWithTitle: `${framedTitle}/${framed} (${share(framedTitle, framed)}%)`,
  },
};
console.log(JSON.stringify(results.truth, null, 2));
console.log(JSON.stringify(results.whole, null, 2));
console.log(`written ${writeResults('header', results)}`);
