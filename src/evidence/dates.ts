/**
 * Dates of documents, as day numbers (days since 1970-01-01, UTC), from meta
 * or from the document's own date line ("Hà Nội, ngày 18 tháng 11 năm 2021").
 */
import { normalizeText } from '../text/normalize.js';

/** A day number for a valid calendar date, or undefined. */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31)
    return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / 86_400_000;
}

/** The ISO form (YYYY-MM-DD) of a day number. */
export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A date given in meta: a Date, an ISO string (2021-11-18, with or without a
 * time), or day/month/year (18/11/2021, 18-11-2021, 18.11.2021).
 */
export function parseMetaDate(value: unknown): number | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : Math.floor(ms / 86_400_000);
  }
  if (typeof value !== 'string') return undefined;
  const iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*$/.exec(value);
  if (iso) return dayNumber(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(value);
  if (dmy) return dayNumber(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return undefined;
}

/** How far into a document its date line is looked for. */
const HEADER_CHARS = 3000;

/**
 * The date of a document's own date line ("…, ngày 18 tháng 11 năm 2021"),
 * looked for in its header, in any encoding saochep reads.
 */
export function parseDateLine(text: string): number | undefined {
  const header = normalizeText(text.slice(0, HEADER_CHARS));
  const m = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/.exec(header);
  return m ? dayNumber(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
}
