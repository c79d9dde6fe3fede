/**
 * The HTML report's script: src/report/browser/report-page.ts bundled into one
 * browser script at build time (src/report/bundle-report-page.ts). tsup and vitest
 * define `__REPORT_PAGE_SCRIPT__` as its text, so the built library holds it
 * as a string.
 */

declare const __REPORT_PAGE_SCRIPT__: string | undefined;

/** The page's script, for the report's `<script>` element. */
export function reportScript(): string {
  if (typeof __REPORT_PAGE_SCRIPT__ !== 'string') {
    throw new Error(
      'saochep: the HTML report page was not bundled. Build with tsup (npm run build) or run under vitest, ' +
        'which define __REPORT_PAGE_SCRIPT__ (see src/report/bundle-report-page.ts).',
    );
  }
  return __REPORT_PAGE_SCRIPT__;
}
