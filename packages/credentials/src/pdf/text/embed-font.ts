import { createHash } from "node:crypto";
import { type PDFContext, type PDFRef, PDFString } from "pdf-lib";
import { WEIGHT } from "./faces";
import type { LoadedFont } from "./loaded-font";
import { subsetGlyphs } from "./subset";
import { toUnicodeCMap } from "./to-unicode";

export interface UsedGlyph {
  /** Advance width as the font program has it, in font units (what /W must say). */
  width: number;
  /** The text it stands for, when that is one-to-one; ActualText covers the rest. */
  text: string | null;
}

/**
 * Writes a Type 0 font (CIDFontType2, Identity-H, CIDs = glyph ids) holding only the glyphs the
 * page uses, into the object `ref` reserved when the page first referred to it.
 */
export async function embedFont(
  context: PDFContext,
  ref: PDFRef,
  font: LoadedFont,
  glyphs: Map<number, UsedGlyph>,
): Promise<void> {
  const gids = [...glyphs.keys()].sort((a, b) => a - b);
  const weight = font.source.variable ? WEIGHT[font.style] : undefined;
  const program = await subsetGlyphs(font.ttf, gids, weight);
  const scale = 1000 / font.upem;
  const name = `${subsetTag(font, gids)}+${font.source.id}-${font.style === "bold" ? "Bold" : "Regular"}`;
  const metrics = fontMetrics(font);

  const descriptor = context.obj({
    Type: "FontDescriptor",
    FontName: name,
    // Symbolic: the glyphs are addressed by id, not through a standard encoding.
    Flags: 4,
    FontBBox: metrics.bbox.map((v) => Math.round(v * scale)),
    ItalicAngle: metrics.italicAngle,
    Ascent: Math.round(metrics.ascent * scale),
    Descent: Math.round(metrics.descent * scale),
    CapHeight: Math.round(metrics.capHeight * scale),
    StemV: font.style === "bold" ? 140 : 80,
    FontFile2: context.register(context.flateStream(program, { Length1: program.byteLength })),
  });
  const cidFont = context.obj({
    Type: "Font",
    Subtype: "CIDFontType2",
    BaseFont: name,
    CIDSystemInfo: {
      Registry: PDFString.of("Adobe"),
      Ordering: PDFString.of("Identity"),
      Supplement: 0,
    },
    FontDescriptor: context.register(descriptor),
    W: widthsArray(gids, (gid) => Math.round((glyphs.get(gid)?.width ?? 0) * scale)),
    CIDToGIDMap: "Identity",
  });
  const mapped = gids.flatMap((gid): Array<[number, string]> => {
    const text = glyphs.get(gid)?.text;
    return text ? [[gid, text]] : [];
  });
  context.assign(
    ref,
    context.obj({
      Type: "Font",
      Subtype: "Type0",
      BaseFont: name,
      Encoding: "Identity-H",
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: context.register(context.flateStream(toUnicodeCMap(mapped))),
    }),
  );
}

/** `[first [w1 w2 …] …]`: one entry per run of consecutive glyph ids. */
function widthsArray(gids: number[], width: (gid: number) => number): Array<number | number[]> {
  const out: Array<number | number[]> = [];
  let run: number[] | undefined;
  let previous = Number.NaN;
  for (const gid of gids) {
    if (run && gid === previous + 1) run.push(width(gid));
    else {
      run = [width(gid)];
      out.push(gid, run);
    }
    previous = gid;
  }
  return out;
}

/** The six-letter subset prefix PDF asks for; derived from the content so output is stable. */
function subsetTag(font: LoadedFont, gids: number[]): string {
  const digest = createHash("sha256")
    .update(`${font.source.id}:${font.style}:${gids.join(",")}`)
    .digest();
  return [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join("");
}

function fontMetrics(font: LoadedFont) {
  const table = (tag: string) => {
    const bytes = font.face.referenceTable(tag);
    return bytes ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
  };
  const head = table("head");
  const hhea = table("hhea");
  const os2 = table("OS/2");
  const post = table("post");
  const ascent = hhea?.getInt16(4) ?? font.upem;
  return {
    bbox: head
      ? [36, 38, 40, 42].map((offset) => head.getInt16(offset))
      : [0, 0, font.upem, font.upem],
    ascent,
    descent: hhea?.getInt16(6) ?? 0,
    // sCapHeight exists from OS/2 version 2 on.
    capHeight: os2 && os2.getUint16(0) >= 2 ? os2.getInt16(88) : Math.round(ascent * 0.7),
    italicAngle: post ? post.getInt32(4) / 65536 : 0,
  };
}
