import type { Color, PDFPage } from "pdf-lib";
import { type FittedText, fitText } from "../fit-text";
import { drawLine } from "./draw";
import type { FontStyle } from "./faces";
import type { DocumentFonts } from "./page-fonts";
import { isRtlParagraph } from "./runs";
import type { Typesetter } from "./typesetter";

export interface TextStyle {
  style: FontStyle;
  size: number;
  color: Color;
}

/** Text drawing on one page: shaped with the typesetter, drawn with the document's fonts. */
export class PageText {
  constructor(
    readonly page: PDFPage,
    private readonly fonts: DocumentFonts,
    private readonly typesetter: Typesetter,
  ) {}

  /** Draws `value` with its left edge at x; returns its width in points. */
  async left(value: string, x: number, y: number, style: TextStyle): Promise<number> {
    const line = await this.typesetter.shape(value, style.style);
    drawLine(this.page, this.fonts, line, { x, y, size: style.size, color: style.color });
    return line.width * style.size;
  }

  /** Draws `value` with its right edge at x (a right-to-left page's start); returns its width. */
  async right(
    value: string,
    x: number,
    y: number,
    style: TextStyle,
    rtl?: boolean,
  ): Promise<number> {
    const line = await this.typesetter.shape(value, style.style, rtl);
    const width = line.width * style.size;
    drawLine(this.page, this.fonts, line, {
      x: x - width,
      y,
      size: style.size,
      color: style.color,
    });
    return width;
  }

  async centered(value: string, y: number, style: TextStyle, rtl?: boolean): Promise<void> {
    const line = await this.typesetter.shape(value, style.style, rtl);
    const x = (this.page.getWidth() - line.width * style.size) / 2;
    drawLine(this.page, this.fonts, line, { x, y, size: style.size, color: style.color });
  }

  /** Wraps and shrinks `value` to fit `width` in `maxLines` lines (see fitText). */
  fit(
    value: string,
    style: FontStyle,
    opts: { max: number; min: number; width: number; maxLines: number },
  ): Promise<FittedText> {
    return fitText(value, (text) => this.typesetter.measure(text, style), opts);
  }

  /** Whether `value` reads right to left, so its wrapped lines keep that direction. */
  rtl(value: string): boolean {
    return isRtlParagraph(value);
  }
}
