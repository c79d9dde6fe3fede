/**
 * The text of an HTML page as a reader sees it: block elements on lines of
 * their own, table cells apart, scripts and styles dropped, character
 * references decoded. Enough for documents saved as web pages or exported
 * from an office suite; no layout engine.
 */
import { assertText } from '../errors.js';

const BLOCK =
  /^(?:p|div|br|li|ul|ol|tr|table|h[1-6]|section|article|header|footer|blockquote|pre|hr|title|dt|dd)$/i;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  shy: '\u00ad',
  copy: '©',
};

/** Decode `&amp;`, `&#7871;`, `&#x1EBF;` and the common named references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The charset an HTML page declares in its first kilobytes, lower-cased, or undefined. */
export function declaredCharset(head: string): string | undefined {
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

/** The text of an HTML document. */
export function htmlToText(html: string): string {
  assertText('htmlToText', html, 'html');
  const body = html
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<![^>]*>/g, '')
    .replace(/<(script|style|head|noscript|template)\b[^]*?<\/\1\s*>/gi, '');
  const text = body.replace(/<\/?([a-z][\w-]*)[^>]*>/gi, (_, tag: string) => {
    if (BLOCK.test(tag)) return '\n';
    if (/^t[dh]$/i.test(tag)) return '\t';
    return '';
  });
  return decodeEntities(text)
    .replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
