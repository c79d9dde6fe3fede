/**
 * Page breaks in a document's text. The pages of a PDF (text layer or OCR)
 * and of a multi-page scan are joined by a line break and a form feed, which
 * the text stage reads as a line break, so that a passage's page can be told
 * from its offset.
 */
import { SaochepTypeError, describeValue } from '../errors.js';

/** What ends a page in a document's text: a line break, then a form feed. */
export const PAGE_BREAK = '\n\f';

/** The pages' texts as one text. */
export function joinPages(pages: readonly string[]): string {
  if (!Array.isArray(pages) || !pages.every((page) => typeof page === 'string'))
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `joinPages: pages must be an array of the pages' texts (strings), got ${describeValue(pages)}.`,
    );
  return pages.join(PAGE_BREAK);
}

/** The 1-based page of the character at `offset` of a text whose pages were joined by {@link joinPages}. */
export function pageAt(text: string, offset: number): number {
  if (typeof text !== 'string')
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `pageAt: text must be a document's text as a string, got ${describeValue(text)}.`,
    );
  if (typeof offset !== 'number' || Number.isNaN(offset))
    throw new SaochepTypeError(
      'ERR_SAOCHEP_INVALID_ARGUMENT',
      `pageAt: offset must be a character offset (a number), got ${describeValue(offset)}.`,
    );
  let page = 1;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = text.indexOf('\f'); i !== -1 && i < end; i = text.indexOf('\f', i + 1)) page++;
  return page;
}
