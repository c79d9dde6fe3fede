/**
 * Unicode Vietnamese → the legacy encodings and the other tone style, as damaged
 * archive files arrive. Written from the published code tables and from NFD,
 * independently of saochep's decoders, so tests can check those against them.
 */

const TONE_MARKS = '\u0301\u0300\u0309\u0303\u0323'; // sắc huyền hỏi ngã nặng

/** The tone mark at code unit `i`, if any (they are all single code units). */
function isToneMark(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x301 || c === 0x300 || c === 0x309 || c === 0x303 || c === 0x323;
}

const WORD_CHAR = /[\p{L}\p{M}]/uy;

/** Code units of the character at `i`: 2 for a surrogate pair. */
function charLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Whether the character at `i` belongs to a word (a letter or a mark). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  WORD_CHAR.lastIndex = i;
  return WORD_CHAR.test(text);
}

/** Where the character that ends at `end` starts. */
function charStart(text: string, end: number): number {
  if (end >= 2) {
    const low = text.charCodeAt(end - 1);
    const high = text.charCodeAt(end - 2);
    if (low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff) return end - 2;
  }
  return end - 1;
}

/** One NFD word with the tone of an open oa/oe/uy ending moved to the second vowel. */
function moveTone(word: string): string {
  const chars = [...word];
  const bare = chars
    .filter((c) => !TONE_MARKS.includes(c))
    .join('')
    .normalize('NFC')
    .toLowerCase();
  const pair = bare.slice(-2);
  if (!['oa', 'oe', 'uy'].includes(pair) || bare.startsWith('q')) return word;
  // The NFD word ends with: first vowel, tone mark, second vowel.
  const n = chars.length;
  if (n < 3 || !TONE_MARKS.includes(chars[n - 2])) return word;
  return chars.slice(0, n - 2).join('') + chars[n - 1] + chars[n - 2];
}

/** Move the tone of open oa/oe/uy syllables (not after q) to the second vowel: hòa → hoà, thủy → thuỷ. */
export function toNewToneStyle(text: string): string {
  const nfd = text.normalize('NFD');
  // Words are runs of letters and marks; only a word whose next-to-last character
  // is a tone mark can change, so look at the words around tone marks alone.
  const parts: string[] = [];
  let done = 0;
  for (let i = 0; i < nfd.length; i++) {
    if (!isToneMark(nfd, i)) continue;
    const last = i + 1;
    if (last >= nfd.length || !isWordChar(nfd, last)) continue;
    const end = last + charLength(nfd, last);
    if (end < nfd.length && isWordChar(nfd, end)) continue;
    let start = i;
    while (start > 0 && isWordChar(nfd, charStart(nfd, start))) start = charStart(nfd, start);
    const word = nfd.slice(start, end);
    const moved = moveTone(word);
    if (moved === word) continue;
    parts.push(nfd.slice(done, start), moved);
    done = end;
  }
  parts.push(nfd.slice(done));
  return parts.join('').normalize('NFC');
}

/**
 * TCVN3 (VN3) code of each Vietnamese letter, typed from the published table:
 * the seven base letters of each case and the lower-case toned vowels.
 */
const TCVN3_PAIRS =
  'Ă=A1 Â=A2 Ê=A3 Ô=A4 Ơ=A5 Ư=A6 Đ=A7 ă=A8 â=A9 ê=AA ô=AB ơ=AC ư=AD đ=AE ' +
  'à=B5 ả=B6 ã=B7 á=B8 ạ=B9 ằ=BB ẳ=BC ẵ=BD ắ=BE ặ=C6 ầ=C7 ẩ=C8 ẫ=C9 ấ=CA ậ=CB ' +
  'è=CC ẻ=CE ẽ=CF é=D0 ẹ=D1 ề=D2 ể=D3 ễ=D4 ế=D5 ệ=D6 ì=D7 ỉ=D8 ĩ=DC í=DD ị=DE ' +
  'ò=DF ỏ=E1 õ=E2 ó=E3 ọ=E4 ồ=E5 ổ=E6 ỗ=E7 ố=E8 ộ=E9 ờ=EA ở=EB ỡ=EC ớ=ED ợ=EE ' +
  'ù=EF ủ=F1 ũ=F2 ú=F3 ụ=F4 ừ=F5 ử=F6 ữ=F7 ứ=F8 ự=F9 ỳ=FA ỷ=FB ỹ=FC ý=FD ỵ=FE';

const TCVN3_ENCODE = new Map<string, string>(
  TCVN3_PAIRS.split(' ').map((pair) => {
    const [ch, hex] = pair.split('=');
    return [ch, String.fromCharCode(parseInt(hex, 16))];
  }),
);

/** The TCVN3 code of every character met so far (a character codes as itself when the table lacks it). */
const TCVN3_CODES = new Map<string, string>();

/**
 * Text as a TCVN3 document arrives after extraction, one code per character.
 * TCVN3 has no upper-case toned vowels: like the .VnTimeH font, they use the
 * lower-case codes.
 */
export function toTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    let code = TCVN3_CODES.get(ch);
    if (code === undefined) {
      code = TCVN3_ENCODE.get(ch) ?? TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch;
      TCVN3_CODES.set(ch, code);
    }
    out += code;
  }
  return out;
}

const VNI_TONES: Record<string, [string, string]> = {
  '\u0301': ['ù', 'Ù'],
  '\u0300': ['ø', 'Ø'],
  '\u0309': ['û', 'Û'],
  '\u0303': ['õ', 'Õ'],
  '\u0323': ['ï', 'Ï'],
};
// Circumflex (â ê ô) and breve (ă) absorb the tone: one mark character each.
const VNI_CIRCUMFLEX: Record<string, [string, string]> = {
  '': ['â', 'Â'],
  '\u0301': ['á', 'Á'],
  '\u0300': ['à', 'À'],
  '\u0309': ['å', 'Å'],
  '\u0303': ['ã', 'Ã'],
  '\u0323': ['ä', 'Ä'],
};
const VNI_BREVE: Record<string, [string, string]> = {
  '': ['ê', 'Ê'],
  '\u0301': ['é', 'É'],
  '\u0300': ['è', 'È'],
  '\u0309': ['ú', 'Ú'],
  '\u0303': ['ü', 'Ü'],
  '\u0323': ['ë', 'Ë'],
};
// i and ỵ have whole-letter codes.
const VNI_I: Record<string, [string, string]> = {
  '\u0301': ['í', 'Í'],
  '\u0300': ['ì', 'Ì'],
  '\u0309': ['æ', 'Æ'],
  '\u0303': ['ó', 'Ó'],
  '\u0323': ['ò', 'Ò'],
};

/** The VNI-Windows form of one NFC character, derived from its NFD decomposition. */
export function vniChar(ch: string): string {
  const nfd = ch.normalize('NFD');
  const base = nfd[0];
  const marks = nfd.slice(1);
  const upper = base !== base.toLowerCase();
  const pick = (pair: [string, string]) => pair[upper ? 1 : 0];
  const tone = [...marks].find((m) => TONE_MARKS.includes(m)) ?? '';
  if (ch === 'đ' || ch === 'Đ') return upper ? 'Ñ' : 'ñ';
  if (marks.includes('\u031b')) {
    // Horn: ơ is ô, ư is ö, then the tone mark.
    const letter = base.toLowerCase() === 'o' ? (upper ? 'Ô' : 'ô') : upper ? 'Ö' : 'ö';
    return tone ? letter + pick(VNI_TONES[tone]) : letter;
  }
  if (marks.includes('\u0302')) return base + pick(VNI_CIRCUMFLEX[tone]);
  if (marks.includes('\u0306')) return base + pick(VNI_BREVE[tone]);
  if (base.toLowerCase() === 'i' && tone) return pick(VNI_I[tone]);
  if (base.toLowerCase() === 'y' && tone === '\u0323') return upper ? 'Î' : 'î';
  if (tone && 'aeouy'.includes(base.toLowerCase())) return base + pick(VNI_TONES[tone]);
  return ch;
}

/** VNI-Windows: letter + mark characters. */
export function toVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += vniChar(ch);
  return out;
}
