/**
 * npm run corpus -- --out DIR [--plans N] [--seed S] [--formats txt,docx] [--no-jsonl]
 *
 * Writes a generated archive of Vietnamese implementation plans with the truth
 * about who copied whom (see the README, "The generated corpus").
 */
import { parseArgs } from 'node:util';
import { type Format, generateArchive } from './archive.js';
import { writeArchive } from './write.js';

const USAGE =
  'usage: npm run corpus -- --out DIR [--plans N] [--seed S] [--formats txt,docx] [--no-jsonl]';

function fail(message: string): never {
  console.error(`corpus: ${message}\n${USAGE}`);
  process.exit(1);
}

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    out: { type: 'string' },
    plans: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    formats: { type: 'string', default: 'txt,docx' },
    'no-jsonl': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.out) fail('--out DIR is required');
const plans = Number(values.plans);
const seed = Number(values.seed);
if (!Number.isInteger(plans) || plans < 1 || plans > 1_000_000)
  fail(`--plans must be a whole number from 1 to 1000000, got ${values.plans}`);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
  fail(`--seed must be a whole number from 0 to 4294967295, got ${values.seed}`);
const formats = values.formats.split(',').map((f) => f.trim()) as Format[];
for (const f of formats)
  if (f !== 'txt' && f !== 'docx') fail(`--formats takes txt and docx, got ${f}`);
if (!formats.includes('txt')) fail('--formats must include txt');

const t0 = Date.now();
const archive = generateArchive({ plans, seed, formats });
const bytes = writeArchive(archive, values.out, { jsonl: !values['no-jsonl'] });
const kinds = new Map<string, number>();
for (const p of archive.truth.plans) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
console.log(
  `wrote ${archive.plans.length} plans and ${archive.directives.length} directives to ${values.out} ` +
    `(${(bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
console.log(`kinds: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
