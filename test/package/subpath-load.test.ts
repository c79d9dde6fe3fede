/**
 * A text-only user loads no file module and no worker thread: `saochep/text`
 * and `saochep/sketch`, imported or required by name in a fresh Node process
 * on the built dist/, make no request for node:fs, node:fs/promises,
 * node:worker_threads or node:child_process. ES module imports are seen by a
 * module-resolution hook, CommonJS requires by a wrapper of Module._load;
 * the main entry, which does load them, shows that neither is blind.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const HEAVY = /^(node:)?(fs|fs\/promises|worker_threads|child_process)$/;

/** Resolution hook: posts every specifier asked for to the main thread; `probe:done` marks the end. */
const HOOKS = `
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  if (specifier === 'probe:done') {
    port.postMessage('probe:done');
    return { url: 'data:text/javascript,export default 0', shortCircuit: true };
  }
  port.postMessage(specifier);
  return next(specifier, context);
}`;

const ESM_PROBE = (entry: string) => `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const asked = [];
const done = new Promise((resolve) => port1.on('message', (s) => s === 'probe:done' ? resolve() : asked.push(s)));
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}), import.meta.url, { data: { port: port2 }, transferList: [port2] });
const mod = await import(${JSON.stringify(entry)});
await import('probe:done');
await done;
port1.close();
process.stdout.write(JSON.stringify({ asked, names: Object.keys(mod) }));
`;

const CJS_PROBE = (entry: string) => `
const Module = require('node:module');
const asked = [];
const load = Module._load;
Module._load = function (request, ...rest) { asked.push(request); return load.call(this, request, ...rest); };
const mod = require(${JSON.stringify(entry)});
process.stdout.write(JSON.stringify({ asked, names: Object.keys(mod) }));
`;

function probe(args: string[]): { asked: string[]; names: string[] } {
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }));
}
const esm = (entry: string) => probe(['--input-type=module', '-e', ESM_PROBE(entry)]);
const cjs = (entry: string) => probe(['-e', CJS_PROBE(entry)]);
const heavy = (asked: string[]) => [...new Set(asked.filter((s) => HEAVY.test(s)))].sort();

describe('subpath entries', () => {
  for (const [kind, load] of [
    ['ESM', esm],
    ['CommonJS', cjs],
  ] as const) {
    it(`saochep/text and saochep/sketch load no file module nor thread (${kind})`, () => {
      const text = load('saochep/text');
      expect(text.names).toContain('tokenize');
      expect(text.asked.length).toBeGreaterThan(0);
      expect(heavy(text.asked)).toEqual([]);
      const sketch = load('saochep/sketch');
      expect(sketch.names).toContain('minhashSignature');
      expect(heavy(sketch.asked)).toEqual([]);
    });

    it(`the main entry does load them, so the probe sees such loads (${kind})`, () => {
      const main = load('saochep');
      expect(main.names).toContain('scanArchive');
      expect(heavy(main.asked).length).toBeGreaterThan(0);
    });

    it(`saochep/read has its functions (${kind})`, () => {
      const read = load('saochep/read');
      expect(read.names.sort()).toEqual([
        'DOCUMENT_EXTENSIONS',
        'OCR_MODES',
        'OCR_PACKAGES',
        'OcrSlots',
        'PAGE_BREAK',
        'decodeBytes',
        'fileTextOf',
        'htmlToText',
        'isDocumentFile',
        'joinPages',
        'pageAt',
        'parseHeader',
        'readDocumentFile',
      ]);
    });
  }

  it('shares one copy of the errors: a saochep/text error is an instanceof the main entry classes, and of the CommonJS SaochepError', () => {
    const script = `
      import * as text from 'saochep/text';
      import * as main from 'saochep';
      import { createRequire } from 'node:module';
      const cjs = createRequire(import.meta.url)('saochep');
      let error;
      try { text.tokenize(42); } catch (e) { error = e; }
      process.stdout.write(JSON.stringify([
        error instanceof main.SaochepTypeError,
        error instanceof main.SaochepError,
        error instanceof cjs.SaochepError,
        error instanceof TypeError,
        new Error('x') instanceof main.SaochepError,
      ]));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([true, true, true, true, false]);
  });
});
