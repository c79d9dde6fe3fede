/**
 * Every public function validates its arguments: a table over all exports of
 * src/index.ts (and the PlanIndex methods), each argument replaced in turn by
 * wrong types, NaN, infinities and huge numbers. A call either answers or
 * throws a documented coded error (ERR_SAOCHEP_…); never a raw TypeError from
 * inside. The table must name every exported function: a new export without
 * a row fails the test.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import * as readApi from '../../src/read/index.js';
import * as sketchApi from '../../src/sketch/index.js';
import * as textApi from '../../src/text/index.js';

/** Every entry point's exports: the main entry and the subpaths. */
const ALL = { ...api, ...textApi, ...sketchApi, ...readApi };

const TEXT =
  'Kế hoạch triển khai thực hiện nghị quyết của ban thường vụ tỉnh ủy về công tác tuyên truyền';
const REPORT = { plans: [], errors: [], clusters: [], summary: {}, options: {}, input: {} };
const BAD: unknown[] = [
  undefined,
  null,
  42,
  Number.NaN,
  Infinity,
  -1,
  1e308,
  '',
  'no-such-folder/x',
  {},
  [],
  true,
  () => 1,
  Symbol('s'),
  10n,
  new Uint8Array(3),
];

function index(): api.PlanIndex {
  const i = new api.PlanIndex();
  i.add({ id: 'a', text: TEXT });
  return i;
}

/** Valid arguments of each function, and the positions that must refuse a value of a wrong type. */
const TABLE: Record<
  string,
  { args: () => unknown[]; required: number[]; call?: (...a: unknown[]) => unknown }
> = {
  detectEncoding: { args: () => [TEXT], required: [0] },
  decodeLegacy: { args: () => [TEXT, 'tcvn3'], required: [0] },
  normalizeText: { args: () => [TEXT, {}], required: [0] },
  tokenize: { args: () => [TEXT], required: [0] },
  detectLanguage: { args: () => [TEXT], required: [0] },
  shingle: { args: () => [['a', 'b', 'c'], { size: 2 }], required: [0] },
  shingleText: { args: () => [TEXT, { size: 2 }], required: [0] },
  tokenHash: { args: () => ['kế'], required: [0] },
  optimalLshParams: { args: () => [0.5, 128], required: [0, 1] },
  candidateProbability: { args: () => [0.5, { bands: 16, rows: 8 }], required: [0, 1] },
  minhashSignature: { args: () => [TEXT, { numPerm: 64 }], required: [0] },
  signatureSimilarity: {
    args: () => [sketchApi.minhashSignature(TEXT), sketchApi.minhashSignature(TEXT)],
    required: [0, 1],
  },
  readDocumentFile: { args: () => ['no-such-file.txt', {}], required: [0] },
  fileTextOf: { args: () => ['a.txt', new TextEncoder().encode(TEXT), {}], required: [0, 1] },
  isDocumentFile: { args: () => ['a.txt'], required: [0] },
  joinPages: { args: () => [['a', 'b']], required: [0] },
  pageAt: { args: () => [`a${readApi.PAGE_BREAK}b`, 3], required: [0, 1] },
  OcrSlots: {
    args: () => [2, 1],
    required: [0],
    call: (...a: unknown[]) => new readApi.OcrSlots(...(a as [number, number])),
  },
  decodeBytes: { args: () => [new TextEncoder().encode(TEXT)], required: [0] },
  htmlToText: { args: () => [`<p>${TEXT}</p>`], required: [0] },
  parseHeader: { args: () => [TEXT], required: [0] },
  scanArchive: { args: () => [{ archive: 'no-such-folder' }], required: [0] },
  indexArchive: {
    args: () => [new api.PlanIndex(), { archive: 'no-such-folder' }],
    required: [0, 1],
  },
  jsonReport: { args: () => [REPORT], required: [0] },
  csvReport: { args: () => [REPORT], required: [0] },
  htmlReport: { args: () => [REPORT, new Map(), {}], required: [0, 1] },
  writeReport: { args: () => ['no-such-folder/r.json', REPORT, new Map(), {}], required: [0, 1] },
  reportFormatOf: { args: () => ['r.json'], required: [0] },
  'new PlanIndex': {
    args: () => [{}],
    required: [],
    call: (o) => new api.PlanIndex(o as api.PlanIndexOptions),
  },
  'PlanIndex.deserialize': {
    args: () => [index().serialize(), {}],
    required: [0],
    call: (b, o) => api.PlanIndex.deserialize(b as Uint8Array, o as object),
  },
  'SharedPlanIndex.connect': {
    // An address that is not a Redis URL: refused before any connection is tried.
    args: () => ['not-a-redis-url'],
    required: [0],
    call: (u) => api.SharedPlanIndex.connect(u as string),
  },
  'PlanIndex.load': {
    args: () => ['no-such.idx', {}],
    required: [0],
    call: (p, o) => api.PlanIndex.load(p as string, o as object),
  },
};
const METHODS: Record<string, { args: unknown[]; required: number[] }> = {
  has: { args: ['a'], required: [0] },
  add: { args: [{ id: 'b', text: TEXT }], required: [0] },
  addReference: { args: [{ id: 'c', text: TEXT }], required: [0] },
  addAll: { args: [[{ id: 'd', text: TEXT }]], required: [0] },
  sketch: { args: [{ id: 'e', text: TEXT }, {}], required: [0] },
  addSketched: { args: [undefined], required: [0] },
  text: { args: ['a'], required: [0] },
  remove: { args: ['a'], required: [0] },
  check: { args: [TEXT, {}], required: [0] },
  save: { args: ['no-such-folder/x.idx'], required: [0] },
};

/** What a call gave: 'ok', or the code of the error thrown; a raw error is returned as 'raw: …'. */
async function outcome(run: () => unknown): Promise<string> {
  try {
    const r = run();
    if (r instanceof Promise) await r;
    return 'ok';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && code.startsWith('ERR_SAOCHEP_')
      ? code
      : `raw: ${(error as Error).name}: ${(error as Error).message}`;
  }
}

const describeBad = (v: unknown) =>
  typeof v === 'symbol' || typeof v === 'bigint' || typeof v === 'function'
    ? typeof v
    : (JSON.stringify(v) ?? 'undefined');

describe('every public export validates its arguments', () => {
  it('has a row for every exported function', () => {
    const exported = Object.entries(ALL)
      .filter(
        ([name, v]) =>
          typeof v === 'function' &&
          !['SaochepError', 'SaochepTypeError', 'PlanIndex', 'SharedPlanIndex'].includes(name),
      )
      .map(([name]) => name)
      .sort();
    expect(exported.filter((name) => !(name in TABLE))).toEqual([]);
  });

  for (const [name, row] of Object.entries(TABLE))
    it(`${name}: coded errors for wrong arguments`, async () => {
      const call =
        row.call ?? (ALL as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
      const raw: string[] = [];
      for (let position = 0; position < row.args().length; position++)
        for (const bad of BAD) {
          const args = row.args();
          args[position] = bad;
          const got = await outcome(() => call(...args));
          if (got.startsWith('raw')) raw.push(`arg ${position} = ${describeBad(bad)}: ${got}`);
          // A required argument of the wrong type is refused, not used.
          const wrongType =
            bad === undefined ||
            bad === null ||
            typeof bad === 'symbol' ||
            typeof bad === 'bigint' ||
            typeof bad === 'function';
          if (row.required.includes(position) && wrongType)
            expect(got, `${name} arg ${position} = ${describeBad(bad)}`).not.toBe('ok');
        }
      expect(raw).toEqual([]);
    });

  for (const [name, row] of Object.entries(METHODS))
    it(`PlanIndex#${name}: coded errors for wrong arguments`, async () => {
      const raw: string[] = [];
      for (let position = 0; position < row.args.length; position++)
        for (const bad of BAD) {
          const args = [...row.args];
          args[position] = bad;
          const target = index();
          const got = await outcome(() =>
            (target as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...args),
          );
          if (got.startsWith('raw')) raw.push(`arg ${position} = ${describeBad(bad)}: ${got}`);
          const wrongType =
            bad === undefined ||
            bad === null ||
            typeof bad === 'symbol' ||
            typeof bad === 'bigint' ||
            typeof bad === 'function';
          if (row.required.includes(position) && wrongType)
            expect(got, `${name} arg ${position} = ${describeBad(bad)}`).not.toBe('ok');
        }
      expect(raw).toEqual([]);
    });
});
