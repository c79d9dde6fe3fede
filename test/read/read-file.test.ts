/**
 * Reading real file formats: every format made here (or by the corpus
 * generator) from a known text gives that text back; every broken file gives
 * its typed error.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docx } from '../../corpus/generator/docx.js';
import { SaochepError, decodeLegacy, readDocumentFile, tokenize } from '../../src/index.js';
import { decodeBytes, fileTextOf, htmlToText } from '../../src/read/index.js';
import { makeDoc } from '../helpers/doc.js';
import { makePdf } from '../helpers/pdf.js';
import { toTcvn3, toVni } from '../helpers/vietnamese.js';

const LINES = [
  'ỦY BAN NHÂN DÂN HUYỆN ĐOAN HÙNG',
  'Số: 278/KH-UBND',
  'Đoan Hùng, ngày 6 tháng 4 năm 2022',
  'KẾ HOẠCH',
  'Hỗ trợ hộ nghèo ở xã Hùng Long phát triển chăn nuôi bò sinh sản; quý khách “hòa” nhập.',
  'Mở 3 lớp dạy nghề may công nghiệp cho lao động nữ – năm 2022.',
];
const TEXT = LINES.join('\n');
const tmp = mkdtempSync(join(tmpdir(), 'saochep-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SaochepError);
    return (error as SaochepError).code;
  }
  return 'no error';
}

describe('text files', () => {
  it('read UTF-8 with and without a byte order mark, and UTF-16 with one', () => {
    const utf8 = Buffer.from(TEXT, 'utf8');
    expect(decodeBytes(utf8)).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).text).toBe(TEXT);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ text: TEXT, encoding: 'utf-16le' });
    const be = Buffer.from(TEXT, 'utf16le').swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      text: TEXT,
      encoding: 'utf-16be',
    });
  });

  it('read legacy TCVN3 and VNI files, one byte per character, as Windows-1252 for the text stage', async () => {
    for (const [encoding, encode] of [
      ['tcvn3', toTcvn3],
      ['vni', toVni],
    ] as const) {
      const bytes = Buffer.from(encode(TEXT), 'latin1');
      const read = await fileTextOf(`plan-${encoding}.txt`, bytes);
      expect(read.byteEncoding).toBe('windows-1252');
      expect(tokenize(decodeLegacy(read.text))).toEqual(tokenize(TEXT));
    }
  });

  it('read Markdown as text', async () => {
    const read = await fileTextOf('plan.md', Buffer.from(`# KẾ HOẠCH\n\n${TEXT}`, 'utf8'));
    expect(read.format).toBe('md');
    expect(read.text).toContain(LINES[4]);
  });
});

describe('HTML', () => {
  it('keeps blocks on lines, drops scripts and styles, decodes references', async () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>x</title><style>p{}</style></head>
<body><script>alert("no")</script><p>${LINES[0]}</p><p>S&#7889;: 278/KH-UBND</p>
<table><tr><td>Đoan Hùng,</td><td>ngày 6 tháng 4 năm 2022</td></tr></table>
<h2>KẾ&nbsp;HOẠCH</h2><div>${LINES[4].replace('“', '&ldquo;')}</div><!-- a comment --></body></html>`;
    const text = htmlToText(html);
    expect(text).not.toMatch(/alert|p\{\}|comment|<|>/);
    expect(text.split('\n')[0]).toBe(LINES[0]);
    expect(text).toContain('Số: 278/KH-UBND');
    expect(text).toContain(LINES[4]);
    const read = await fileTextOf('plan.html', Buffer.from(html, 'utf8'));
    expect(read.text).toBe(text);
  });

  it('honours a declared legacy charset', async () => {
    const html = '<html><head><meta charset="windows-1258"></head><body><p>x</p></body></html>';
    const read = await fileTextOf('plan.htm', Buffer.from(html, 'latin1'));
    expect(read.text).toBe('x');
  });
});

describe('office and PDF files', () => {
  it('read .docx (mammoth), .doc (word-extractor) and .pdf (unpdf) to the same text', async () => {
    const fromDocx = await fileTextOf('plan.docx', docx(TEXT));
    const fromDoc = await fileTextOf('plan.doc', makeDoc(TEXT));
    const fromPdf = await fileTextOf('plan.pdf', makePdf([LINES.slice(0, 3), LINES.slice(3)]));
    expect(fromDocx.text.trim().split('\n')).toEqual(LINES);
    // Pages are joined by a line break and a form feed.
    expect(fromPdf.text.trim().split(/\n\f?/)).toEqual(LINES);
    // word-extractor straightens typographic quotes and dashes: the words are the same.
    expect(fromDoc.text.trim().split('\n').map(tokenize)).toEqual(LINES.map(tokenize));
    expect([fromDocx.format, fromDoc.format, fromPdf.format]).toEqual(['docx', 'doc', 'pdf']);
  });

  it('read a .docx renamed .doc', async () => {
    const read = await fileTextOf('plan.doc', docx(TEXT));
    expect(read.text.trim()).toBe(TEXT);
  });
});

describe('files that give no text', () => {
  it('fail with a typed error that says why', async () => {
    const cases: Array<[string, Uint8Array, string]> = [
      ['empty.txt', new Uint8Array(0), 'ERR_SAOCHEP_EMPTY_DOCUMENT'],
      ['blank.txt', Buffer.from(' \n\t\n', 'utf8'), 'ERR_SAOCHEP_EMPTY_DOCUMENT'],
      ['scanned.pdf', makePdf([[], []]), 'ERR_SAOCHEP_EMPTY_DOCUMENT'],
      [
        'junk.txt',
        Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256),
        'ERR_SAOCHEP_NOT_TEXT',
      ],
      [
        'broken.docx',
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
        'ERR_SAOCHEP_CORRUPT_DOCUMENT',
      ],
      ['truncated.docx', docx(TEXT).slice(0, 300), 'ERR_SAOCHEP_CORRUPT_DOCUMENT'],
      ['not-a.docx', Buffer.from(TEXT, 'utf8'), 'ERR_SAOCHEP_CORRUPT_DOCUMENT'],
      // An encrypted Office file is an OLE container whatever its extension.
      ['locked.docx', makeDoc('x').slice(0, 2048), 'ERR_SAOCHEP_ENCRYPTED_DOCUMENT'],
      ['broken.doc', makeDoc(TEXT).slice(0, 1024), 'ERR_SAOCHEP_CORRUPT_DOCUMENT'],
      ['broken.pdf', makePdf([LINES]).slice(0, 200), 'ERR_SAOCHEP_CORRUPT_DOCUMENT'],
      ['not-a.pdf', Buffer.from(TEXT, 'utf8'), 'ERR_SAOCHEP_CORRUPT_DOCUMENT'],
      ['plan.xlsx', Buffer.from(TEXT, 'utf8'), 'ERR_SAOCHEP_UNSUPPORTED_FORMAT'],
    ];
    // OCR off: a PDF without text is the error it is without OCR (test/read/ocr.test.ts reads scans).
    for (const [name, bytes, code] of cases) {
      expect(await codeOf(fileTextOf(name, bytes, { ocr: 'off' })), name).toBe(code);
    }
  });

  it('fail with ERR_SAOCHEP_READ_FAILED when the file cannot be opened', async () => {
    mkdirSync(join(tmp, 'folder.txt'));
    symlinkSync(join(tmp, 'gone.txt'), join(tmp, 'dangling.txt'));
    expect(await codeOf(readDocumentFile(join(tmp, 'missing.txt')))).toBe(
      'ERR_SAOCHEP_READ_FAILED',
    );
    expect(await codeOf(readDocumentFile(join(tmp, 'folder.txt')))).toBe('ERR_SAOCHEP_READ_FAILED');
    expect(await codeOf(readDocumentFile(join(tmp, 'dangling.txt')))).toBe(
      'ERR_SAOCHEP_READ_FAILED',
    );
    // Permissions do not stop root: check them only as an ordinary user.
    if (process.getuid?.() !== 0) {
      const locked = join(tmp, 'locked.txt');
      writeFileSync(locked, TEXT);
      chmodSync(locked, 0o000);
      expect(await codeOf(readDocumentFile(locked))).toBe('ERR_SAOCHEP_READ_FAILED');
    }
  });
});
