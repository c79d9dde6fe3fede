/**
 * Is a word a well-formed Vietnamese syllable? Used to tell real text from text
 * decoded under the wrong legacy-encoding hypothesis, not on the hot path.
 */
import {
  CHAR_TABLE,
  KIND_LETTER,
  KIND_MASK,
  TONE_MASK,
  TONE_SHIFT,
  VALUE_MASK,
  VALUE_SHIFT,
} from './char-table.js';
import { BASE_LETTERS, TONE_ACUTE, TONE_DOT } from './letters.js';

const ONSETS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'th',
  'tr',
  'qu',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];

// Rhymes (medial + nucleus + final) without tone marks.
const RHYMES = new Set(
  `a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
  e ec em en eng eo ep et ê êch êm ên ênh êp êt êu i ia ich im in inh ip it iu
  iêc iêm iên iêng iêp iêt iêu o oc oi om on ong op ot ooc oong ô ôc ôi ôm ôn ông ôp ôt
  ơ ơi ơm ơn ơp ơt u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
  ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu y yêm yên yêng yêt yêu
  oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oem oen oeo oet
  uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uyn uynh uyp uyt uyu`.split(/\s+/),
);

function endsWithStop(rhyme: string): boolean {
  const last = rhyme.charCodeAt(rhyme.length - 1);
  // c, ch, p, t: only sắc and nặng are possible.
  return last === 0x63 || last === 0x70 || last === 0x74 || rhyme.endsWith('ch');
}

/**
 * True when `word` (any case, NFC) is one well-formed Vietnamese syllable:
 * onset + rhyme with at most one tone mark, and a stop final only with sắc or nặng.
 */
export function isVietnameseSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 7) return false;
  let bare = '';
  let tone = 0;
  for (let i = 0; i < word.length; i++) {
    const entry = CHAR_TABLE[word.charCodeAt(i)];
    if ((entry & KIND_MASK) !== KIND_LETTER) return false;
    const t = (entry >>> TONE_SHIFT) & TONE_MASK;
    if (t !== 0) {
      if (tone !== 0) return false;
      tone = t;
    }
    bare += BASE_LETTERS[((entry >>> VALUE_SHIFT) & VALUE_MASK) - 1];
  }
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    const rhyme = bare.slice(onset.length);
    if (!RHYMES.has(rhyme)) continue;
    if (endsWithStop(rhyme) && tone !== TONE_ACUTE && tone !== TONE_DOT) continue;
    return true;
  }
  return false;
}
