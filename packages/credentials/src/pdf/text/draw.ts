import {
  beginText,
  type Color,
  endText,
  PDFOperatorNames as Ops,
  type PDFContext,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
} from "pdf-lib";
import type { DocumentFonts } from "./page-fonts";
import type { ShapedCluster, ShapedGlyph, ShapedRun } from "./shape";
import type { ShapedLine } from "./typesetter";

export interface DrawAt {
  x: number;
  y: number;
  size: number;
  color: Color;
}

/**
 * Draws a shaped line with the glyph ids and positions HarfBuzz chose (the reader applies no
 * shaping of its own). Text extraction: a cluster whose glyphs map one-to-one to its text relies
 * on ToUnicode; any other (a conjunct, a letter drawn as a dotless base plus dots, a glyph seen
 * with two meanings) is wrapped in an ActualText span carrying its exact text.
 */
export function drawLine(page: PDFPage, fonts: DocumentFonts, line: ShapedLine, at: DrawAt): void {
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingColor(at.color), beginText()];
  let pen = at.x;
  for (const run of line.runs) {
    ops.push(setFontAndSize(fonts.nameOn(page, run.font), at.size));
    ops.push(setTextMatrix(1, 0, 0, 1, round(pen), round(at.y)));
    new RunWriter(page.doc.context, fonts, run, at.size, ops).write();
    pen += (run.advance * at.size) / run.font.upem;
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}

class RunWriter {
  private readonly scale: number;
  /** Where the reader's text position is after the last glyph, in font units from run start. */
  private textX = 0;
  private rise = 0;
  private charSpacing = 0;
  private items: Array<PDFHexString | PDFNumber> = [];
  private glyphHex = "";

  constructor(
    private readonly context: PDFContext,
    private readonly fonts: DocumentFonts,
    private readonly run: ShapedRun,
    private readonly size: number,
    private readonly ops: PDFOperator[],
  ) {
    this.scale = 1000 / run.font.upem;
  }

  write(): void {
    const standIn = this.run.standInFor;
    if (standIn !== undefined) this.beginActualText(standIn);
    for (const cluster of this.run.clusters) this.cluster(cluster, standIn === undefined);
    this.flush();
    if (standIn !== undefined) this.op(Ops.EndMarkedContent);
    if (this.rise !== 0) this.op(Ops.SetTextRise, 0);
  }

  private cluster(cluster: ShapedCluster, mayNeedSpan: boolean): void {
    const [only] = cluster.glyphs;
    const simple =
      cluster.glyphs.length === 1 &&
      only !== undefined &&
      this.fonts.useGlyph(this.run.font, only.gid, cluster.text);
    const span = mayNeedSpan && !simple;
    // Leftmost glyph first, bases before their marks: a reader takes a span's box from its
    // first glyph's origin to its last glyph's advance.
    const glyphs = [...cluster.glyphs].sort(
      (a, b) => a.origin - b.origin || Number(a.mark) - Number(b.mark),
    );
    if (span) this.beginActualText(cluster.text);
    for (const [index, glyph] of glyphs.entries()) {
      if (!simple) this.fonts.useGlyph(this.run.font, glyph.gid, null);
      const last = index === glyphs.length - 1;
      this.glyph(glyph, span && last ? cluster.end : undefined);
    }
    if (span) this.op(Ops.EndMarkedContent);
  }

  /** `spanEnd`: stretch the last glyph of a span (character spacing) to end where its cluster does. */
  private glyph(glyph: ShapedGlyph, spanEnd?: number): void {
    const width = this.fonts.widthOf(this.run.font, glyph.gid);
    const rise = round((glyph.yOffset * this.size) / this.run.font.upem);
    if (rise !== this.rise) {
      this.op(Ops.SetTextRise, rise);
      this.rise = rise;
    }
    const spacing =
      spanEnd === undefined
        ? 0
        : round(((spanEnd - glyph.origin - width) * this.size) / this.run.font.upem);
    if (spacing !== this.charSpacing) {
      this.op(Ops.SetCharacterSpacing, spacing);
      this.charSpacing = spacing;
    }
    const shift = glyph.origin - this.textX;
    if (Math.abs(shift) > 1e-6) {
      this.flushHex();
      this.items.push(PDFNumber.of(round(-shift * this.scale)));
    }
    this.glyphHex += glyph.gid.toString(16).padStart(4, "0");
    this.textX = glyph.origin + width + (spacing * this.run.font.upem) / this.size;
    if (spacing !== 0) {
      // Reset straight away: the spacing must not stretch the span's text or the next glyph.
      this.flush();
      this.op(Ops.SetCharacterSpacing, 0);
      this.charSpacing = 0;
    }
  }

  private beginActualText(text: string): void {
    this.flush();
    // pdf-lib types operator operands without dictionaries; an inline property list is written
    // as its serialized text, exactly as a PDFDict prints itself.
    const properties = this.context.obj({ ActualText: PDFHexString.fromText(text) }).toString();
    this.ops.push(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of("Span"), properties]));
  }

  private op(name: Ops, ...numbers: number[]): void {
    this.flush();
    this.ops.push(
      PDFOperator.of(
        name,
        numbers.map((n) => PDFNumber.of(n)),
      ),
    );
  }

  private flushHex(): void {
    if (this.glyphHex === "") return;
    this.items.push(PDFHexString.of(this.glyphHex));
    this.glyphHex = "";
  }

  private flush(): void {
    this.flushHex();
    if (this.items.length === 0) return;
    this.ops.push(PDFOperator.of(Ops.ShowTextAdjusted, [this.context.obj(this.items)]));
    this.items = [];
  }
}

/** Three decimals keep the content stream small and reproducible. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
