/**
 * A ToUnicode CMap for a font drawn with two-byte glyph ids (Identity-H): which text each glyph
 * stands for, so text can be searched and copied. Glyphs whose text is not one-to-one (a
 * conjunct, a letter drawn as a base and a dot) are left out here and covered by ActualText.
 */
export function toUnicodeCMap(entries: Array<[gid: number, text: string]>): string {
  const sorted = [...entries].sort(([a], [b]) => a - b);
  const blocks: string[] = [];
  // A CMap allows at most 100 entries per bfchar block.
  for (let i = 0; i < sorted.length; i += 100) {
    const chunk = sorted.slice(i, i + 100);
    const lines = chunk.map(([gid, text]) => `<${hex4(gid)}> <${utf16Hex(text)}>`);
    blocks.push(`${chunk.length} beginbfchar\n${lines.join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange",
    "<0000> <FFFF>",
    "endcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

export function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, "0");
}

function utf16Hex(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}
