/**
 * Bundles the HTML report's page (src/report/browser/report-page.ts) into one
 * browser script, at build time: tsup and vitest give its text to
 * src/report/html-script.ts through the `__REPORT_PAGE_SCRIPT__` constant
 * (esbuild's and vite's `define`), so the built library holds it as a string
 * and reads no file at run time.
 */
import { buildSync } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = join(ROOT, 'src/report/browser/report-page.ts');

/** The page's script, ready to sit in a `<script>` element. */
export function bundleReportPage(): string {
  const result = buildSync({
    entryPoints: [ENTRY],
    // Paths in the bundle's comments are relative to the project, wherever the build runs.
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    // What the browsers of 2020 run; the page needs nothing newer.
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  // The report writes it between <script> and </script>: nothing in it may end that element.
  if (/<\/script|<!--/i.test(code))
    throw new Error(`${ENTRY}: the bundled page holds "</script" or "<!--"; split that string.`);
  return code;
}

/** `define` for esbuild (tsup) and vite (vitest): the script as a JavaScript string literal. */
export function reportPageDefine(): Record<string, string> {
  return { __REPORT_PAGE_SCRIPT__: JSON.stringify(bundleReportPage()) };
}
