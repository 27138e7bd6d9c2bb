import * as hb from "harfbuzzjs";
import type { LoadedFont } from "./loaded-font";
import type { TextRun } from "./runs";

/** One glyph as HarfBuzz placed it, in font units. */
export interface ShapedGlyph {
  gid: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  /** Where HarfBuzz puts the glyph: the pen position plus its x offset, from the run start. */
  origin: number;
  mark: boolean;
}

/** The glyphs of one cluster (the smallest unit of text that maps to glyphs) and its text. */
export interface ShapedCluster {
  text: string;
  glyphs: ShapedGlyph[];
  /** Pen position before and after the cluster, from the start of the run, in font units. */
  start: number;
  end: number;
}

export interface ShapedRun {
  font: LoadedFont;
  /** Visual order, left to right. */
  clusters: ShapedCluster[];
  advance: number;
  /** The text as written when the run shows a stand-in ("?" for an unknown script). */
  standInFor?: string;
}

/**
 * Shapes a run with HarfBuzz: contextual forms and ligatures (Arabic joining, Devanagari
 * conjuncts and reordered vowel signs), mark positioning and kerning (GPOS), mirrored brackets
 * in right-to-left runs. The result is in visual order.
 */
export function shapeRun(font: LoadedFont, run: TextRun): ShapedRun {
  const buffer = new hb.Buffer();
  buffer.addText(run.text);
  buffer.guessSegmentProperties();
  buffer.setDirection(run.rtl ? hb.Direction.RTL : hb.Direction.LTR);
  hb.shape(font.font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();

  const starts = [...new Set(infos.map((info) => info.cluster))].sort((a, b) => a - b);
  const textOf = (cluster: number) => {
    const next = starts[starts.indexOf(cluster) + 1];
    return run.text.slice(cluster, next ?? run.text.length);
  };
  const clusters: ShapedCluster[] = [];
  let pen = 0;
  for (const [index, info] of infos.entries()) {
    const position = positions[index];
    const glyph: ShapedGlyph = {
      gid: info.codepoint,
      xAdvance: position?.xAdvance ?? 0,
      xOffset: position?.xOffset ?? 0,
      yOffset: position?.yOffset ?? 0,
      origin: pen + (position?.xOffset ?? 0),
      mark: font.face.getGlyphClass(info.codepoint) === hb.GlyphClass.MARK,
    };
    const last = clusters.at(-1);
    const sameCluster = index > 0 && infos[index - 1]?.cluster === info.cluster;
    if (last && sameCluster) {
      last.glyphs.push(glyph);
      last.end = pen + glyph.xAdvance;
    } else {
      const end = pen + glyph.xAdvance;
      clusters.push({ text: textOf(info.cluster), glyphs: [glyph], start: pen, end });
    }
    pen += glyph.xAdvance;
  }
  const shaped: ShapedRun = { font, clusters, advance: pen };
  if (run.text !== run.actual) shaped.standInFor = run.actual;
  return shaped;
}
