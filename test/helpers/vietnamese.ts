/**
 * Test helpers: Vietnamese text in every form it arrives in, produced by code
 * independent of src/ (NFD decomposition and hand-typed code tables), so that
 * tests compare saochep against an outside truth.
 */

/** Real syllables: simple ones, every vowel cluster, qu/gi onsets, stop finals, both styles' syllables. */
export const SYLLABLES = (
  'kế hoạch triển khai thực hiện nghị quyết chỉ thị của ban thường vụ tỉnh ủy ủy ban nhân dân huyện xã ' +
  'phường thị trấn mục đích yêu cầu nội dung nhiệm vụ giải pháp kinh phí tổ chức nơi nhận lưu văn thư ' +
  'cộng hòa hội chủ nghĩa việt nam độc lập tự do hạnh phúc đảng sản quốc gia giữa già gìn giếng quý quyền ' +
  'quỳnh khuya khuỷu ngoài xoáy khuấy ngoẹo người được nước trường hướng tuyên truyền phổ biến giáo dục ' +
  'thủy lợi khỏe mạnh lũy tre hòa bình thỏa thuận họa tọa hỏa tốc tùy thuộc xóa bỏ khóa học túy ' +
  'của tài chính này ngày báo cáo mọi người nói chuyện cuối cùng muốn nhiều điều hiểu biết thuế ' +
  'năm tháng cấp sở ngành đoàn thể mặt trận tổ quốc chính quyền địa phương cơ sở hoàn thành thuận lợi ' +
  'đề nghị đồng chí phó bí thư kiểm tra giám sát đôn đốc bảo đảm an ninh trật tự xây dựng nông thôn mới ' +
  'ươm ưu cứu gửi mưa giữa ạ ấy ở ủa oái ùa ừ ơi uể oải yêu yếu uyển chuyển'
).split(' ');

/** Hand-written administrative sentences (not copied from any document). */
export const SENTENCES = [
  'Thực hiện Nghị quyết số 04-NQ/TU ngày 18/11/2021 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân huyện ban hành Kế hoạch triển khai như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích: Nâng cao nhận thức, trách nhiệm của cán bộ, công chức trong công tác cải cách hành chính.',
  '2. Yêu cầu: Bám sát nội dung của Nghị quyết, phù hợp với tình hình thực tế của địa phương; bảo đảm tiến độ.',
  'II. NỘI DUNG, NHIỆM VỤ',
  'Tăng cường công tác tuyên truyền, phổ biến, giáo dục pháp luật đến từng thôn, tổ dân phố; phấn đấu đến năm 2025 có 95% hộ gia đình được tiếp cận.',
  'Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu bố trí kinh phí thực hiện.',
  'Ủy ban nhân dân các xã, thị trấn xây dựng kế hoạch cụ thể, báo cáo kết quả về Ủy ban nhân dân huyện (qua Văn phòng) trước ngày 15/12 hằng năm.',
  'Hòa Bình, ngày 05 tháng 3 năm 2024',
  'Nơi nhận: - Thường trực Huyện ủy; - Lưu: VT, VP.',
  'Công tác thủy lợi, phòng chống thiên tai được triển khai quyết liệt; sức khỏe của người dân được quan tâm.',
];

const TONE_MARKS = '\u0301\u0300\u0309\u0303\u0323'; // sắc huyền hỏi ngã nặng

/** Move the tone of open oa/oe/uy syllables (not after q) to the second vowel: hòa → hoà, thủy → thuỷ. */
export function toNewToneStyle(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\p{L}\p{M}]+/gu, (word) => {
      const chars = [...word];
      const bare = chars
        .filter((c) => !TONE_MARKS.includes(c))
        .join('')
        .normalize('NFC')
        .toLowerCase();
      const pair = bare.slice(-2);
      if (!['oa', 'oe', 'uy'].includes(pair) || bare.startsWith('q')) return word;
      // NFD word ends with: first vowel, tone mark, second vowel.
      const n = chars.length;
      if (n < 3 || !TONE_MARKS.includes(chars[n - 2])) return word;
      return chars.slice(0, n - 2).join('') + chars[n - 1] + chars[n - 2];
    })
    .normalize('NFC');
}

/**
 * TCVN3 (VN3) code of each Vietnamese letter, typed from the published table:
 * lower-case toned vowels and the seven base letters of each case.
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

/**
 * Text as a TCVN3 document arrives after extraction. TCVN3 has no upper-case
 * toned vowels: like the .VnTimeH font, they use the lower-case codes.
 */
export function toTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const direct = TCVN3_ENCODE.get(ch);
    if (direct !== undefined) out += direct;
    else {
      const lower = TCVN3_ENCODE.get(ch.toLowerCase());
      out += lower !== undefined ? lower : ch;
    }
  }
  return out;
}

/** VNI-Windows: letter + mark characters, derived from each letter's NFD decomposition. */
export function toVni(text: string): string {
  const toneChar: Record<string, [string, string]> = {
    '\u0301': ['ù', 'Ù'],
    '\u0300': ['ø', 'Ø'],
    '\u0309': ['û', 'Û'],
    '\u0303': ['õ', 'Õ'],
    '\u0323': ['ï', 'Ï'],
  };
  // Circumflex (â ê ô) and breve (ă) absorb the tone: one mark character each.
  const circumflex: Record<string, [string, string]> = {
    '': ['â', 'Â'],
    '\u0301': ['á', 'Á'],
    '\u0300': ['à', 'À'],
    '\u0309': ['å', 'Å'],
    '\u0303': ['ã', 'Ã'],
    '\u0323': ['ä', 'Ä'],
  };
  const breve: Record<string, [string, string]> = {
    '': ['ê', 'Ê'],
    '\u0301': ['é', 'É'],
    '\u0300': ['è', 'È'],
    '\u0309': ['ú', 'Ú'],
    '\u0303': ['ü', 'Ü'],
    '\u0323': ['ë', 'Ë'],
  };
  // i and y-dot have whole-letter codes.
  const iLetters: Record<string, [string, string]> = {
    '\u0301': ['í', 'Í'],
    '\u0300': ['ì', 'Ì'],
    '\u0309': ['æ', 'Æ'],
    '\u0303': ['ó', 'Ó'],
    '\u0323': ['ò', 'Ò'],
  };
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const nfd = ch.normalize('NFD');
    const base = nfd[0];
    const marks = nfd.slice(1);
    const upper = base !== base.toLowerCase();
    const pick = (pair: [string, string]) => pair[upper ? 1 : 0];
    const tone = [...marks].find((m) => TONE_MARKS.includes(m)) ?? '';
    if (ch === 'đ' || ch === 'Đ') out += upper ? 'Ñ' : 'ñ';
    else if (marks.includes('\u031b')) {
      // horn: ơ = ô, ư = ö, then the tone mark
      const lower = base.toLowerCase();
      out += lower === 'o' ? (upper ? 'Ô' : 'ô') : upper ? 'Ö' : 'ö';
      if (tone) out += pick(toneChar[tone]);
    } else if (marks.includes('\u0302')) out += base + pick(circumflex[tone]);
    else if (marks.includes('\u0306')) out += base + pick(breve[tone]);
    else if (base.toLowerCase() === 'i' && tone) out += pick(iLetters[tone]);
    else if (base.toLowerCase() === 'y' && tone === '\u0323') out += upper ? 'Î' : 'î';
    else if (tone && 'aeouy'.includes(base.toLowerCase())) out += base + pick(toneChar[tone]);
    else out += ch;
  }
  return out;
}

/** Letter tokens of text the way an independent reader splits it: NFC, lower case, Vietnamese letters and digits. */
export function referenceTokens(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[a-z0-9àáảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ]+/g) ?? []
  );
}
