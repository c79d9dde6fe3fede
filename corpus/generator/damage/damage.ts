/**
 * Real-world damage applied to generated files, each with a map from offsets
 * in the clean text to offsets in the damaged text, so that the truth can
 * point into the files as they are.
 */
import type { Random } from '../random.js';
import { toNewToneStyle, toTcvn3, vniChar } from './encoders.js';

/** The kinds of damage a file may carry, in the order they are applied. */
export const DAMAGE_KINDS = [
  'tone-style',
  'merged-header',
  'pdf-line-breaks',
  'tcvn3',
  'vni',
  'lost-soft-hyphens',
  'nfd',
] as const;
export type Damage = (typeof DAMAGE_KINDS)[number];

/** Damaged text and, for every clean offset 0..n, the damaged offset. */
export interface Damaged {
  text: string;
  map: Int32Array;
}

function identity(text: string): Int32Array {
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i < map.length; i++) map[i] = i;
  return map;
}

/** Map each character through `f`, recording where each one starts. */
function perChar(text: string, f: (ch: string) => string): Damaged {
  const map = new Int32Array(text.length + 1);
  let out = '';
  let i = 0;
  for (const ch of text) {
    // A character outside the BMP spans two code units; both map to its start.
    map[i] = out.length;
    if (ch.length === 2) map[i + 1] = out.length;
    out += f(ch);
    i += ch.length;
  }
  map[text.length] = out.length;
  return { text: out, map };
}

/** Where the header ends: the line before "KẾ HOẠCH". */
function headerEnd(text: string): number {
  const title = text.search(/\n(KẾ HOẠCH|Kế hoạch)\n/);
  return title < 0 ? 0 : title;
}

function mergeHeader(text: string): Damaged {
  const end = headerEnd(text);
  return { text: text.slice(0, end).replace(/\n/g, ' ') + text.slice(end), map: identity(text) };
}

/** Hard line breaks inside sentences, as in text extracted from PDF: a space about every 70 characters becomes a line break. */
function pdfLineBreaks(text: string, rng: Random): Damaged {
  const parts: string[] = [];
  let done = 0;
  let column = 0;
  let width = rng.int(60, 85);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      column = 0;
      continue;
    }
    column++;
    if (column >= width && c === 0x20) {
      parts.push(text.slice(done, i));
      done = i + 1;
      column = 0;
      width = rng.int(60, 85);
    }
  }
  parts.push(text.slice(done));
  return { text: parts.join('\n'), map: identity(text) };
}

function dropSoftHyphens(text: string): Damaged {
  // Without soft hyphens or characters beyond the BMP, nothing moves.
  if (!/[\u00ad\ud800-\udfff]/.test(text)) return { text, map: identity(text) };
  return perChar(text, (ch) => (ch === '\u00ad' ? '' : ch));
}

function compose(first: Int32Array, second: Int32Array): Int32Array {
  const out = new Int32Array(first.length);
  for (let i = 0; i < first.length; i++) out[i] = second[first[i]];
  return out;
}

/** `f` remembering its answer for each character it has seen (`f` must be pure). */
function memoised(f: (ch: string) => string): (ch: string) => string {
  const seen = new Map<string, string>();
  return (ch) => {
    let out = seen.get(ch);
    if (out === undefined) {
      out = f(ch);
      seen.set(ch, out);
    }
    return out;
  };
}

const vniOf = memoised(vniChar);
const nfdOf = memoised((ch) => ch.normalize('NFD'));

/** Apply `damage` (in the order of DAMAGE_KINDS) to clean text. */
export function applyDamage(text: string, damage: readonly Damage[], rng: Random): Damaged {
  let current: Damaged = { text, map: identity(text) };
  for (const kind of DAMAGE_KINDS) {
    if (!damage.includes(kind)) continue;
    let step: Damaged;
    switch (kind) {
      case 'tone-style':
        step = { text: toNewToneStyle(current.text), map: identity(current.text) };
        break;
      case 'merged-header':
        step = mergeHeader(current.text);
        break;
      case 'pdf-line-breaks':
        step = pdfLineBreaks(current.text, rng);
        break;
      case 'tcvn3':
        step = { text: toTcvn3(current.text), map: identity(current.text) };
        break;
      case 'vni':
        step = perChar(current.text, vniOf);
        break;
      case 'lost-soft-hyphens':
        step = dropSoftHyphens(current.text);
        break;
      case 'nfd':
        step = perChar(current.text, nfdOf);
        break;
    }
    if (step.text.length !== step.map[step.map.length - 1]) {
      throw new Error(`damage ${kind}: map does not cover the text`);
    }
    current = { text: step.text, map: compose(current.map, step.map) };
  }
  return current;
}

/** Choose the damage of one file: most files are clean. */
export function chooseDamage(rng: Random): Damage[] {
  const damage: Damage[] = [];
  const encoding = rng.weighted({ none: 0.92, tcvn3: 0.05, vni: 0.03 });
  if (encoding === 'tcvn3') {
    damage.push('tcvn3');
    if (rng.chance(0.5)) damage.push('lost-soft-hyphens');
  } else if (encoding === 'vni') {
    damage.push('vni');
  } else {
    if (rng.chance(0.06)) damage.push('tone-style');
    if (rng.chance(0.04)) damage.push('nfd');
  }
  if (rng.chance(0.06)) damage.push('merged-header');
  if (rng.chance(0.06)) damage.push('pdf-line-breaks');
  return damage;
}
