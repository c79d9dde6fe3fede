/**
 * Fuzzing with fast-check: the readers on random and mutated document bytes,
 * the JSONL reader on random lines, the index format on mutated saved files,
 * and check on random text. Whatever the input, each one answers or throws a
 * coded SaochepError, never a raw TypeError, a hang or a crash. In the test
 * suite a short run with the suite's fixed seed; `npm run fuzz` runs longer
 * (SAOCHEP_FUZZ_RUNS, default 2,000 there; SAOCHEP_FC_SEED picks the seed).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SaochepError } from '../../src/errors.js';
import { PlanIndex } from '../../src/plan-index/plan-index.js';
import { fileTextOf } from '../../src/read/read-file.js';
import { readJsonl } from '../../src/scan/jsonl.js';
import { makeDoc } from '../helpers/doc.js';
import { repeatedDocx } from '../helpers/hostile.js';
import { makePdf } from '../helpers/pdf.js';
import { SENTENCES, SYLLABLES } from '../helpers/vietnamese.js';

const RUNS = Number(process.env.SAOCHEP_FUZZ_RUNS ?? 25);
const tmp = mkdtempSync(join(tmpdir(), 'saochep-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const READ_CODES = new Set([
  'ERR_SAOCHEP_EMPTY_DOCUMENT',
  'ERR_SAOCHEP_CORRUPT_DOCUMENT',
  'ERR_SAOCHEP_ENCRYPTED_DOCUMENT',
  'ERR_SAOCHEP_NOT_TEXT',
  'ERR_SAOCHEP_LIMIT_EXCEEDED',
]);
const LOAD_CODES = new Set([
  'ERR_SAOCHEP_INDEX_CORRUPT',
  'ERR_SAOCHEP_INDEX_VERSION',
  'ERR_SAOCHEP_INDEX_INCOMPATIBLE',
]);

/** The error code of a rejected read, 'ok' for text; any other error fails the property. */
async function readOutcome(name: string, bytes: Uint8Array): Promise<string> {
  try {
    const r = await fileTextOf(name, bytes, {
      limits: { timeMs: 5000, pdfPages: 50, memberBytes: 1 << 22 },
    });
    expect(typeof r.text).toBe('string');
    return 'ok';
  } catch (error) {
    if (!(error instanceof SaochepError) || !READ_CODES.has(error.code)) throw error;
    return error.code;
  }
}

/** Mutations of real bytes: flipped bits, overwritten bytes, a cut, a splice. */
const mutation = (length: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(length - 1), bit: fc.nat(7) }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(length - 1), value: fc.nat(255) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(length - 1) }),
    fc.record({
      kind: fc.constant('splice' as const),
      at: fc.nat(length - 1),
      bytes: fc.uint8Array({ maxLength: 64 }),
    }),
  );
type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'splice'; at: number; bytes: Uint8Array };

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = new Uint8Array(bytes);
  for (const m of mutations) {
    const at = Math.min(m.at, out.length - 1);
    if (at < 0) break;
    if (m.kind === 'flip') out[at] ^= 1 << m.bit;
    else if (m.kind === 'set') out[at] = m.value;
    else if (m.kind === 'cut') out = out.slice(0, at);
    else out = new Uint8Array([...out.subarray(0, at), ...m.bytes, ...out.subarray(at)]);
  }
  return out;
}

const TEXT = SENTENCES.join('\n');
const REAL: Array<[string, Uint8Array]> = [
  ['plan.docx', repeatedDocx('Kế hoạch triển khai thực hiện nghị quyết', 4)],
  ['plan.pdf', makePdf([SENTENCES.slice(0, 4), SENTENCES.slice(4)])],
  ['plan.doc', makeDoc(TEXT)],
  ['plan.txt', new TextEncoder().encode(TEXT)],
  [
    'plan.html',
    new TextEncoder().encode(`<html><body><p>${SENTENCES.join('</p><p>')}</p></body></html>`),
  ],
];

describe('fuzz: readers', () => {
  it('answer or give a reading code on random bytes of every format', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.docx', 'a.doc', 'a.pdf'),
        fc.uint8Array({ maxLength: 2048 }),
        async (name, bytes) => {
          await readOutcome(name, bytes);
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });

  for (const [name, bytes] of REAL)
    it(`answer or give a reading code on mutations of a real ${name}`, async () => {
      expect(await readOutcome(name, bytes)).toBe('ok');
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutation(bytes.length), { minLength: 1, maxLength: 4 }),
          async (ms) => {
            await readOutcome(name, mutate(bytes, ms));
          },
        ),
        { numRuns: RUNS },
      );
    });
});

describe('fuzz: JSONL reader', () => {
  it('reads every line or names it with its line number', async () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc
        .record({
          id: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
          text: fc.string({ maxLength: 80 }),
        })
        .map((d) => JSON.stringify(d)),
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
      fc.nat(200).map((d) => `{"text":"x","meta":${'['.repeat(d)}${']'.repeat(d)}}`),
    );
    let k = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        async (lines, eol) => {
          const file = join(tmp, `f${k++}.jsonl`);
          writeFileSync(file, lines.join(eol));
          const contents = await readJsonl(file, { jsonDepth: 64, lineBytes: 1 << 20 });
          // Each line is at most one document or one error, numbered within the file.
          const numbered = [
            ...contents.documents.map((d) => d.line),
            ...contents.errors.map((e) => e.line),
          ];
          expect(new Set(numbered).size).toBe(numbered.length);
          for (const n of numbered) expect(n >= 1 && n <= Math.max(1, lines.length)).toBe(true);
          rmSync(file);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('fuzz: the index format', () => {
  it('loads a mutated saved index or refuses it with an index code, never half of one', async () => {
    const index = new PlanIndex();
    for (const [k, s] of SENTENCES.entries())
      index.add({ id: `d${k}`, text: `${s} ${SENTENCES[(k + 1) % SENTENCES.length]}` });
    const saved = index.serialize();
    await fc.assert(
      fc.property(fc.array(mutation(saved.length), { minLength: 1, maxLength: 3 }), (ms) => {
        const bytes = mutate(saved, ms);
        try {
          const loaded = PlanIndex.deserialize(bytes);
          // A mutation that leaves a valid file (a flip undone by another) is the same index.
          expect(loaded.size).toBe(index.size);
        } catch (error) {
          if (!(error instanceof SaochepError) || !LOAD_CODES.has(error.code)) throw error;
        }
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('fuzz: check', () => {
  it('scores any text from 0 to 1 without throwing', () => {
    const index = new PlanIndex();
    for (const [k, s] of SENTENCES.entries()) index.add({ id: `d${k}`, text: `${TEXT}\n${s}` });
    const text = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc
        .array(fc.constantFrom(...SYLLABLES, ...SENTENCES, 'a', '\u0000', '12/2024'), {
          maxLength: 300,
        })
        .map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = index.check(t);
        expect(r.score >= 0 && r.score <= 1).toBe(true);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
