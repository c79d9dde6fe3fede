/**
 * Hostile files for the read limits, made here in a few kilobytes: a .docx
 * whose document.xml inflates to any size (a zip bomb), a PDF whose page
 * draws a form XObject that draws itself, and JSON nested to any depth.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { CONTENT_TYPES, RELS } from '../../corpus/generator/docx.js';

const DOCUMENT_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCUMENT_TAIL = '<w:sectPr/></w:body></w:document>';
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of pieces of bytes, the second one repeated `times`. */
function crcOf(head: Uint8Array, body: Uint8Array, times: number, tail: Uint8Array): number {
  let c = 0xffffffff;
  const feed = (bytes: Uint8Array) => {
    for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  };
  feed(head);
  for (let i = 0; i < times; i++) feed(body);
  feed(tail);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip member: its name, deflated bytes, CRC and inflated size. */
interface Member {
  name: string;
  deflated: Uint8Array;
  crc: number;
  size: number;
}

/** A member whose data is `head`, `body` repeated `times`, then `tail`, deflated block by block. */
function repeatedMember(
  name: string,
  head: string,
  body: string,
  times: number,
  tail: string,
  withCrc: boolean,
): Member {
  const enc = new TextEncoder();
  const [h, b, t] = [enc.encode(head), enc.encode(body), enc.encode(tail)];
  // A full flush ends each piece on a byte boundary with no back-reference across it: pieces repeat.
  const flush = (bytes: Uint8Array) =>
    deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH });
  const dh = flush(h);
  const db = flush(b);
  const dt = deflateRawSync(t);
  const deflated = new Uint8Array(dh.length + db.length * times + dt.length);
  deflated.set(dh, 0);
  for (let i = 0; i < times; i++) deflated.set(db, dh.length + i * db.length);
  deflated.set(dt, dh.length + times * db.length);
  const size = h.length + b.length * times + t.length;
  return { name, deflated, crc: withCrc ? crcOf(h, b, times, t) : 0, size };
}

function zipOf(members: Member[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const size32 = Math.min(m.size, 0xffffffff);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt16LE(33, 12); // 1980-01-01
    local.writeUInt32LE(m.crc, 14);
    local.writeUInt32LE(m.deflated.length, 18);
    local.writeUInt32LE(size32, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(m.deflated));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(33, 14);
    dir.writeUInt32LE(m.crc, 16);
    dir.writeUInt32LE(m.deflated.length, 20);
    dir.writeUInt32LE(size32, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + m.deflated.length;
  }
  const centralSize = central.reduce((s, p) => s + p.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}

/**
 * A deflated .docx whose body is the paragraph `line` repeated `times`: a
 * genuine document when small, a zip bomb when `times` is large (a 1 MiB
 * paragraph repeated 4,096 times is 4 GiB of XML in about 4 MB). `lie` writes
 * a small inflated size in the headers, as bombs do.
 */
export function repeatedDocx(
  line: string,
  times: number,
  options: { lie?: boolean; crc?: boolean } = {},
): Uint8Array {
  const paragraph = `<w:p><w:r><w:t xml:space="preserve">${line}</w:t></w:r></w:p>`;
  const enc = new TextEncoder();
  const small = (name: string, text: string): Member => {
    const bytes = enc.encode(text);
    return {
      name,
      deflated: deflateRawSync(bytes),
      crc: crcOf(bytes, bytes, 0, bytes.subarray(0, 0)),
      size: bytes.length,
    };
  };
  const document = repeatedMember(
    'word/document.xml',
    DOCUMENT_HEAD,
    paragraph,
    times,
    DOCUMENT_TAIL,
    options.crc ?? times * paragraph.length < 50_000_000,
  );
  if (options.lie) document.size = 1000;
  return zipOf([small('[Content_Types].xml', CONTENT_TYPES), small('_rels/.rels', RELS), document]);
}

/** A zip bomb .docx: document.xml inflates to about `mib` MiB from a file a thousandth of that. */
export function zipBombDocx(mib: number): Uint8Array {
  const paragraph = 'a '.repeat(512 * 1024 - 40);
  return repeatedDocx(paragraph, mib, { lie: true, crc: false });
}

/** A PDF of `objects` (bodies of objects 1…n, object 1 the catalog), with its cross-reference table. */
function pdfOf(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [k, body] of objects.entries()) {
    offsets.push(out.length);
    out += `${k + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const stream = (dict: string, content: string) =>
  `<< ${dict} /Length ${content.length} >>\nstream\n${content}\nendstream`;

/** A one-page PDF whose page draws form XObject 5, which writes a word and draws itself again. */
export function selfDrawingPdf(): Uint8Array {
  const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 6 0 R >> /XObject << /X 5 0 R >> >> >>',
    stream('', 'BT /F1 12 Tf 72 720 Td (start) Tj ET /X Do'),
    stream(
      '/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> /XObject << /X 5 0 R >> >>',
      'BT /F1 12 Tf 72 700 Td (again and again) Tj ET /X Do /X Do',
    ),
    font,
  ]);
}

/** A PDF of `pages` pages, each with one short line of text (all pages share one content stream). */
export function manyPagesPdf(pages: number): Uint8Array {
  const kids = Array.from({ length: pages }, (_, k) => `${k + 5} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    stream('', 'BT /F1 12 Tf 72 720 Td (page) Tj ET'),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  for (let k = 0; k < pages; k++)
    objects.push(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>',
    );
  return pdfOf(objects);
}

/** A JSONL line whose meta is `depth` arrays deep (built without recursion). */
export function deepJsonLine(id: string, text: string, depth: number): string {
  return `{"id":${JSON.stringify(id)},"text":${JSON.stringify(text)},"meta":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
}

/** `pdf` with its startxref pointing nowhere: pdf.js reads it after a warning ("Indexing all PDF objects"). */
export function wrongXrefPdf(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf)
    .toString('latin1')
    .replace(/startxref\n\d+/, 'startxref\n12');
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
