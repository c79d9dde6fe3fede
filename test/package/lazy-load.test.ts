/**
 * `import 'saochep'` and `require('saochep')` do not load tinyld (12 MB of
 * language profiles) until a language is detected. In a fresh Node process
 * on the built dist/: ES module imports are seen by a module-resolution hook,
 * CommonJS requires by require.cache; both are shown to see tinyld once
 * detectLanguage runs, so the check is not blind.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/** Resolution hook: posts every resolved URL to the main thread; `probe:done` marks the end. */
const HOOKS = `
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('probe:done')) {
    port.postMessage('probe:done');
    return { url: 'data:text/javascript,export default 0', shortCircuit: true };
  }
  const result = await next(specifier, context);
  port.postMessage(result.url);
  return result;
}`;

const ESM_PROBE = (entry: string) => `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { createRequire } from 'node:module';
const { port1, port2 } = new MessageChannel();
const urls = [];
const done = new Promise((resolve) => port1.on('message', (url) => url === 'probe:done' ? resolve() : urls.push(url)));
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}), import.meta.url, { data: { port: port2 }, transferList: [port2] });
const saochep = await import(${JSON.stringify(entry)});
const cache = () => Object.keys(createRequire(import.meta.url).cache);
const seen = () => [...urls, ...cache()].filter((u) => u.includes('tinyld'));
await import('probe:done');
await done;
const before = seen();
const language = saochep.detectLanguage('Kế hoạch triển khai thực hiện Nghị quyết của Ban Thường vụ Tỉnh ủy');
const after = seen();
port1.close();
process.stdout.write(JSON.stringify({ before, after, language }));
`;

const CJS_PROBE = (entry: string) => `
const saochep = require(${JSON.stringify(entry)});
const seen = () => Object.keys(require.cache).filter((p) => p.includes('tinyld'));
const before = seen();
const language = saochep.detectLanguage('Kế hoạch triển khai thực hiện Nghị quyết của Ban Thường vụ Tỉnh ủy');
process.stdout.write(JSON.stringify({ before, after: seen(), language }));
`;

/** The same hook, for ioredis: not loaded by the import, loaded when a shared index connects. */
const IOREDIS_PROBE = (entry: string) => `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const urls = [];
let marked = () => {};
port1.on('message', (url) => (url === 'probe:done' ? marked() : urls.push(url)));
const mark = (tag) => new Promise((resolve) => { marked = resolve; import('probe:done:' + tag); });
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}), import.meta.url, { data: { port: port2 }, transferList: [port2] });
const saochep = await import(${JSON.stringify(entry)});
const seen = () => urls.filter((u) => u.includes('ioredis'));
await mark('import');
const before = seen();
let code;
try {
  await saochep.SharedPlanIndex.connect('redis://127.0.0.1:1', { connectTimeout: 300 });
} catch (error) {
  code = error.code;
}
await mark('connect');
const after = seen();
port1.close();
process.stdout.write(JSON.stringify({ before, after, language: code }));
`;

function probe(args: string[]): { before: string[]; after: string[]; language: string } {
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }));
}

describe('loading the package', () => {
  it('does not load tinyld on import, only at the first detectLanguage (ESM)', () => {
    const entry = pathToFileURL(join(ROOT, 'dist/index.js')).href;
    const r = probe(['--input-type=module', '-e', ESM_PROBE(entry)]);
    expect(r.before).toEqual([]);
    expect(r.language).toBe('vi');
    expect(r.after.length).toBeGreaterThan(0);
  });

  it('does not load ioredis on import, only when a SharedPlanIndex connects (ESM)', () => {
    const entry = pathToFileURL(join(ROOT, 'dist/index.js')).href;
    const r = probe(['--input-type=module', '-e', IOREDIS_PROBE(entry)]);
    expect(r.before).toEqual([]);
    // Nothing listens on port 1: the connection is refused, with the store's code.
    expect(r.language).toBe('ERR_SAOCHEP_STORE_UNAVAILABLE');
    expect(r.after.length).toBeGreaterThan(0);
  });

  it('does not load tinyld on require, only at the first detectLanguage (CommonJS)', () => {
    const r = probe(['-e', CJS_PROBE(join(ROOT, 'dist/index.cjs'))]);
    expect(r.before).toEqual([]);
    expect(r.language).toBe('vi');
    expect(r.after.length).toBeGreaterThan(0);
  });
});
