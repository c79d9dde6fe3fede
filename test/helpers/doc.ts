/**
 * A minimal Word 97–2003 (.doc) writer for tests: an OLE compound file
 * (MS-CFB, version 3, 512-byte sectors) holding a WordDocument stream with
 * its FIB and the text as UTF-16, and a 1Table stream with the piece table
 * (MS-DOC). No formatting: enough for a reader of the text.
 */

const SECTOR = 512;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
/** Streams at least this long live in regular sectors (no mini stream to write). */
const MIN_STREAM = 4096;

function padTo(bytes: Buffer, size: number): Buffer {
  return bytes.length >= size ? bytes : Buffer.concat([bytes, Buffer.alloc(size - bytes.length)]);
}

/** The WordDocument and 1Table streams of a document whose paragraphs are `text` lines. */
function wordStreams(text: string): { word: Buffer; table: Buffer } {
  const body = `${text.replace(/\r?\n/g, '\r')}\r`;
  const textOffset = 0x800;
  const word = Buffer.alloc(textOffset + body.length * 2);
  word.writeUInt16LE(0xa5ec, 0x00); // wIdent
  word.writeUInt16LE(0x00c1, 0x02); // nFib
  word.writeUInt16LE(0x0200, 0x0a); // fWhichTblStm: 1Table
  word.writeUInt32LE(textOffset, 0x18); // fcMin
  word.writeUInt32LE(textOffset + body.length * 2, 0x1c); // fcMac
  word.writeUInt32LE(body.length, 0x4c); // ccpText
  Buffer.from(body, 'utf16le').copy(word, textOffset);
  // The piece table (Clx): one piece, Unicode text at textOffset.
  const clx = Buffer.alloc(1 + 4 + 8 + 8);
  clx.writeUInt8(2, 0);
  clx.writeUInt32LE(16, 1); // PlcPcd: 2 CPs + 1 PCD of 8 bytes
  clx.writeUInt32LE(0, 5);
  clx.writeUInt32LE(body.length, 9);
  clx.writeUInt16LE(0, 13);
  clx.writeUInt32LE(textOffset, 15); // fc without the compressed flag: UTF-16
  clx.writeUInt16LE(0, 19);
  word.writeUInt32LE(0, 0x1a2); // fcClx
  word.writeUInt32LE(clx.length, 0x1a6); // lcbClx
  return { word: padTo(word, MIN_STREAM), table: padTo(clx, MIN_STREAM) };
}

function directoryEntry(
  name: string,
  type: number,
  start: number,
  size: number,
  child = FREESECT,
  left = FREESECT,
  right = FREESECT,
): Buffer {
  const e = Buffer.alloc(128);
  const utf16 = Buffer.from(`${name}\0`, 'utf16le');
  utf16.copy(e, 0);
  e.writeUInt16LE(utf16.length, 64);
  e.writeUInt8(type, 66);
  e.writeUInt8(1, 67); // black
  e.writeUInt32LE(left, 68);
  e.writeUInt32LE(right, 72);
  e.writeUInt32LE(child, 76);
  e.writeUInt32LE(start, 116);
  e.writeUInt32LE(size, 120);
  return e;
}

/** .doc bytes holding `text` (lines become paragraphs). */
export function makeDoc(text: string): Uint8Array {
  const { word, table } = wordStreams(text);
  const wordSectors = Math.ceil(word.length / SECTOR);
  const tableSectors = Math.ceil(table.length / SECTOR);
  // Sector 0: FAT; 1: directory; then WordDocument, then 1Table.
  const wordStart = 2;
  const tableStart = wordStart + wordSectors;
  const total = tableStart + tableSectors;
  if (total > SECTOR / 4) throw new Error('makeDoc: text too long for one FAT sector');
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  for (let s = 0; s < wordSectors; s++)
    fat.writeUInt32LE(s === wordSectors - 1 ? ENDOFCHAIN : wordStart + s + 1, (wordStart + s) * 4);
  for (let s = 0; s < tableSectors; s++)
    fat.writeUInt32LE(
      s === tableSectors - 1 ? ENDOFCHAIN : tableStart + s + 1,
      (tableStart + s) * 4,
    );

  // Root → WordDocument, with 1Table (shorter name, so "less") as its left sibling.
  const directory = Buffer.concat([
    directoryEntry('Root Entry', 5, ENDOFCHAIN, 0, 1),
    directoryEntry('WordDocument', 2, wordStart, word.length, FREESECT, 2),
    directoryEntry('1Table', 2, tableStart, table.length),
    Buffer.alloc(128),
  ]);

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // first mini FAT sector
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(ENDOFCHAIN, 68); // first DIFAT sector
  header.writeUInt32LE(0, 72);
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0

  return Buffer.concat([
    header,
    fat,
    padTo(directory, SECTOR),
    padTo(word, wordSectors * SECTOR),
    padTo(table, tableSectors * SECTOR),
  ]);
}
