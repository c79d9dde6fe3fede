/**
 * A minimal PDF writer for tests: one page per entry, each line of text shown
 * with a Type0 font whose ToUnicode map gives the Vietnamese characters back
 * to an extractor (no glyphs are embedded: the file is for reading, not for
 * printing). An empty page list entry makes a page with no text at all, as a
 * scanned document has; an image entry makes a page that is only that JPEG
 * image, drawn over the whole page, as a scanner writes it.
 */

/** A page that is one grey JPEG image (a scan), with its size in pixels. */
export interface PdfImagePage {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/** PDF bytes of pages of text lines (or of scanned images). */
export function makePdf(pages: Array<string[] | PdfImagePage>): Uint8Array {
  // One glyph id per distinct character (BMP only, as in Vietnamese text).
  const cids = new Map<string, number>();
  for (const page of pages)
    if (Array.isArray(page))
      for (const line of page)
        for (const ch of line) if (!cids.has(ch)) cids.set(ch, cids.size + 1);
  const bfchar = [...cids.entries()].map(
    ([ch, cid]) => `<${hex4(cid)}> <${hex4(ch.charCodeAt(0))}>`,
  );
  const cmapChunks: string[] = [];
  for (let i = 0; i < bfchar.length; i += 100) {
    const chunk = bfchar.slice(i, i + 100);
    cmapChunks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  const cmap = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
${cmapChunks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;

  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const toUnicode = add(
    `<< /Length ${Buffer.byteLength(cmap, 'latin1')} >>\nstream\n${cmap}\nendstream`,
  );
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /ArialMT /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ArialMT /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 500 >>`,
  );
  const font = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /ArialMT /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  const pageIds: number[] = [];
  for (const page of pages) {
    if (!Array.isArray(page)) {
      const image = add(
        `<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${page.jpeg.length} >>\nstream\n${Buffer.from(page.jpeg).toString('latin1')}\nendstream`,
      );
      const draw = 'q 595 0 0 842 0 0 cm /Im0 Do Q';
      const stream = add(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
      pageIds.push(
        add(
          `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${stream} 0 R >>`,
        ),
      );
      continue;
    }
    const ops = ['BT', '/F1 11 Tf', '14 TL', '50 790 Td'];
    for (const line of page) {
      const codes = [...line].map((ch) => hex4(cids.get(ch)!)).join('');
      ops.push(`<${codes}> Tj T*`);
    }
    ops.push('ET');
    const content = page.length === 0 ? '' : ops.join('\n');
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
