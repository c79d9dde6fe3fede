/**
 * Issuing bodies: provinces, districts, communes, departments and Party
 * committees, with what their documents' frames need (header lines, number
 * suffix, signature, recipients).
 */
import { COMMUNE_NAMES, HAMLETS, PROVINCES, type Province } from './places.js';
import type { Random } from './random.js';

export type UnitLevel =
  'province' | 'department' | 'district' | 'commune' | 'party-district' | 'party-commune';

export interface Unit {
  level: UnitLevel;
  /** Full name in running text: "Ủy ban nhân dân huyện Nam Đàn". */
  name: string;
  /** How the unit calls itself in the body: "UBND huyện". */
  short: string;
  /** The territory it governs in running text: "huyện Nam Đàn". */
  area: string;
  /** Place of the date line: "Nam Đàn". */
  place: string;
  /** Header lines of the issuing body, upper case. */
  header: string[];
  /** True for Party committees: ĐẢNG CỘNG SẢN VIỆT NAM header, "Số 12-KH/HU" numbers. */
  party: boolean;
  /** Document code after the number: "KH-UBND" or "KH/HU". */
  code: string;
  /** Signature block lines above the name. */
  signature: string[];
  /** Nơi nhận lines. */
  recipients: string[];
  /** Who the unit reports to. */
  superior: string;
  /** The Party organisation whose congress resolution the unit cites. */
  partyOrganisation: string;
  /** Hamlets, communes or districts below the unit, used for local detail. */
  localities: string[];
  province: Province;
}

const DEPARTMENTS: Array<[string, string]> = [
  ['Sở Nội vụ', 'SNV'],
  ['Sở Giáo dục và Đào tạo', 'SGDĐT'],
  ['Sở Y tế', 'SYT'],
  ['Sở Tài nguyên và Môi trường', 'STNMT'],
  ['Sở Nông nghiệp và Phát triển nông thôn', 'SNN'],
  ['Sở Thông tin và Truyền thông', 'STTTT'],
  ['Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
  ['Sở Lao động - Thương binh và Xã hội', 'SLĐTBXH'],
];

function hamlets(rng: Random, province: Province, count: number): string[] {
  const { word, names } = HAMLETS[province.region];
  return rng.sample(names, count).map((n) => `${word} ${n}`);
}

function upper(text: string): string {
  return text.toUpperCase();
}

/** A random issuing body below `province`. */
export function makeUnit(rng: Random, province: Province): Unit {
  const level = rng.weighted<Exclude<UnitLevel, 'province'>>({
    district: 0.34,
    commune: 0.26,
    department: 0.14,
    'party-district': 0.16,
    'party-commune': 0.1,
  });
  const p = province.name;
  const district = rng.pick(province.districts);
  const commune = rng.pick(COMMUNE_NAMES);
  switch (level) {
    case 'district':
      return {
        level,
        name: `Ủy ban nhân dân huyện ${district}`,
        short: 'UBND huyện',
        area: `huyện ${district}`,
        place: district,
        header: ['ỦY BAN NHÂN DÂN', `HUYỆN ${upper(district)}`],
        party: false,
        code: 'KH-UBND',
        signature: [
          'TM. ỦY BAN NHÂN DÂN',
          ...(rng.chance(0.6) ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH']),
        ],
        recipients: [
          `UBND tỉnh ${p} (để báo cáo)`,
          'TT Huyện ủy, TT HĐND huyện',
          'Chủ tịch, các PCT UBND huyện',
          'Các phòng, ban, ngành, đoàn thể huyện',
          'UBND các xã, thị trấn',
          'Lưu: VT, VP',
        ],
        superior: `UBND tỉnh ${p}`,
        partyOrganisation: `Đảng bộ huyện ${district}`,
        localities: rng.sample(COMMUNE_NAMES, 6).map((c) => `xã ${c}`),
        province,
      };
    case 'commune':
      return {
        level,
        name: `Ủy ban nhân dân xã ${commune}`,
        short: 'UBND xã',
        area: `xã ${commune}`,
        place: commune,
        header: [`UBND HUYỆN ${upper(district)}`, `ỦY BAN NHÂN DÂN XÃ ${upper(commune)}`],
        party: false,
        code: 'KH-UBND',
        signature: [
          'TM. ỦY BAN NHÂN DÂN',
          ...(rng.chance(0.5) ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH']),
        ],
        recipients: [
          `UBND huyện ${district} (để báo cáo)`,
          'TT Đảng ủy, TT HĐND xã',
          'Chủ tịch, các PCT UBND xã',
          'Các ban, ngành, đoàn thể xã',
          'Các thôn, tổ dân phố',
          'Lưu: VT',
        ],
        superior: `UBND huyện ${district}`,
        partyOrganisation: `Đảng bộ xã ${commune}`,
        localities: hamlets(rng, province, 6),
        province,
      };
    case 'department': {
      const [dept, abbreviation] = rng.pick(DEPARTMENTS);
      return {
        level,
        name: `${dept} tỉnh ${p}`,
        short: dept,
        area: `tỉnh ${p}`,
        place: p,
        header: [`UBND TỈNH ${upper(p)}`, upper(dept)],
        party: false,
        code: `KH-${abbreviation}`,
        signature: rng.chance(0.5) ? ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] : ['GIÁM ĐỐC'],
        recipients: [
          `UBND tỉnh ${p} (để báo cáo)`,
          'Giám đốc, các Phó Giám đốc Sở',
          'Các phòng, đơn vị thuộc Sở',
          'UBND các huyện, thị xã, thành phố',
          'Lưu: VT',
        ],
        superior: `UBND tỉnh ${p}`,
        partyOrganisation: `Đảng bộ tỉnh ${p}`,
        localities: rng.sample(province.districts, 6).map((d) => `huyện ${d}`),
        province,
      };
    }
    case 'party-district':
      return {
        level,
        name: `Ban Thường vụ Huyện ủy ${district}`,
        short: 'Ban Thường vụ Huyện ủy',
        area: `huyện ${district}`,
        place: district,
        header: [`ĐẢNG BỘ TỈNH ${upper(p)}`, `HUYỆN ỦY ${upper(district)}`],
        party: true,
        code: 'KH/HU',
        signature: ['T/M BAN THƯỜNG VỤ', rng.chance(0.7) ? 'PHÓ BÍ THƯ' : 'BÍ THƯ'],
        recipients: [
          'Ban Thường vụ Tỉnh ủy (để b/c)',
          'Các đồng chí Huyện ủy viên',
          'Các ban xây dựng Đảng Huyện ủy',
          'Các chi, đảng bộ trực thuộc',
          'Lưu Văn phòng Huyện ủy',
        ],
        superior: 'Ban Thường vụ Tỉnh ủy',
        partyOrganisation: `Đảng bộ huyện ${district}`,
        localities: rng.sample(COMMUNE_NAMES, 6).map((c) => `xã ${c}`),
        province,
      };
    case 'party-commune':
    default:
      return {
        level: 'party-commune',
        name: `Ban Chấp hành Đảng bộ xã ${commune}`,
        short: 'Ban Chấp hành Đảng bộ xã',
        area: `xã ${commune}`,
        place: commune,
        header: [`ĐẢNG BỘ HUYỆN ${upper(district)}`, `ĐẢNG ỦY XÃ ${upper(commune)}`],
        party: true,
        code: 'KH/ĐU',
        signature: ['T/M ĐẢNG ỦY', rng.chance(0.6) ? 'PHÓ BÍ THƯ' : 'BÍ THƯ'],
        recipients: [
          'Ban Thường vụ Huyện ủy (để b/c)',
          'Các đồng chí đảng ủy viên',
          'Các chi bộ trực thuộc',
          'Lưu Văn phòng Đảng ủy',
        ],
        superior: 'Ban Thường vụ Huyện ủy',
        partyOrganisation: `Đảng bộ xã ${commune}`,
        localities: hamlets(rng, province, 6),
        province,
      };
  }
}

/** A province-level issuer of directives. */
export interface Issuer {
  /** "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh", "Thủ tướng Chính phủ". */
  name: string;
  header: string[];
  party: boolean;
  place: string;
  signature: string[];
  province: Province | null;
}

export function makeIssuer(rng: Random): Issuer {
  const province = rng.pick(PROVINCES);
  const kind = rng.weighted({ party: 0.45, state: 0.45, national: 0.1 });
  if (kind === 'party') {
    return {
      name: 'Ban Thường vụ Tỉnh ủy',
      header: [`TỈNH ỦY ${province.name.toUpperCase()}`],
      party: true,
      place: province.name,
      signature: ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'],
      province,
    };
  }
  if (kind === 'state') {
    return {
      name: 'Ủy ban nhân dân tỉnh',
      header: ['ỦY BAN NHÂN DÂN', `TỈNH ${province.name.toUpperCase()}`],
      party: false,
      place: province.name,
      signature: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      province,
    };
  }
  return {
    name: 'Thủ tướng Chính phủ',
    header: ['THỦ TƯỚNG CHÍNH PHỦ'],
    party: false,
    place: 'Hà Nội',
    signature: ['THỦ TƯỚNG'],
    province: null,
  };
}
