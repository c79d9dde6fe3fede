/**
 * npm run corpus -- --out DIR [--plans N] [--seed S] [--formats txt,docx] [--no-jsonl] [--no-files]
 *
 * Writes a generated archive of Vietnamese implementation plans with the truth
 * about who copied whom (see the README, "The generated corpus"), streaming:
 * memory stays flat whatever the number of plans.
 */
import { parseArgs } from 'node:util';
import type { Format } from './archive.js';
import { streamArchive } from './stream.js';

const USAGE =
  'usage: npm run corpus -- --out DIR [--plans N] [--seed S] [--formats txt,docx] [--no-jsonl] [--no-files]';
const MAX_PLANS = 10_000_000;

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
    'no-files': { type: 'boolean', default: false },
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
if (!Number.isInteger(plans) || plans < 1 || plans > MAX_PLANS)
  fail(`--plans must be a whole number from 1 to ${MAX_PLANS}, got ${values.plans}`);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
  fail(`--seed must be a whole number from 0 to 4294967295, got ${values.seed}`);
const formats = values.formats.split(',').map((f) => f.trim()) as Format[];
for (const f of formats)
  if (f !== 'txt' && f !== 'docx') fail(`--formats takes txt and docx, got ${f}`);
if (!formats.includes('txt')) fail('--formats must include txt');
if (values['no-jsonl'] && values['no-files'])
  fail('--no-jsonl and --no-files together would write only truth.json');

const t0 = Date.now();
const stats = streamArchive({ plans, seed, formats }, values.out, {
  jsonl: !values['no-jsonl'],
  files: !values['no-files'],
});
console.log(
  `wrote ${stats.plans} plans and ${stats.directives} directives to ${values.out} ` +
    `(${(stats.bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s` +
    ` (${stats.remade} plans made again for copiers; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`,
);
console.log(`kinds: ${[...stats.kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
