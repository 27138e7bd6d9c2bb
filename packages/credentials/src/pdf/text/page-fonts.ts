import { type PDFDocument, PDFName, type PDFPage, type PDFRef } from "pdf-lib";
import { embedFont, type UsedGlyph } from "./embed-font";
import type { LoadedFont } from "./loaded-font";

interface FontUse {
  font: LoadedFont;
  ref: PDFRef;
  name: PDFName;
  glyphs: Map<number, UsedGlyph>;
}

/**
 * The fonts a document draws with and the glyphs it uses from each. Drawing refers to a font
 * object reserved up front; `embed()` writes each one, subset to its glyphs, once the page is
 * complete.
 */
export class DocumentFonts {
  private readonly uses = new Map<string, FontUse>();

  constructor(private readonly doc: PDFDocument) {}

  /** The resource name to select `font` with on `page`. */
  nameOn(page: PDFPage, font: LoadedFont): PDFName {
    const use = this.use(font);
    page.node.setFontDictionary(use.name, use.ref);
    return use.name;
  }

  /**
   * Records a drawn glyph. Returns whether the ToUnicode map can say `text` for it: true when it
   * is its first text, or the same as before; a glyph seen with two texts needs ActualText.
   */
  useGlyph(font: LoadedFont, gid: number, text: string | null): boolean {
    const glyphs = this.use(font).glyphs;
    const known = glyphs.get(gid);
    if (!known) {
      glyphs.set(gid, { width: font.font.glyphHAdvance(gid), text });
      return text !== null;
    }
    if (known.text === null && text !== null) known.text = text;
    return known.text === text && text !== null;
  }

  /** The advance /W gives the glyph, in font units (where the reader puts the next one). */
  widthOf(font: LoadedFont, gid: number): number {
    return this.use(font).glyphs.get(gid)?.width ?? font.font.glyphHAdvance(gid);
  }

  async embed(): Promise<void> {
    for (const use of this.uses.values()) {
      await embedFont(this.doc.context, use.ref, use.font, use.glyphs);
    }
  }

  private use(font: LoadedFont): FontUse {
    const key = `${font.source.id}:${font.style}`;
    let use = this.uses.get(key);
    if (!use) {
      use = {
        font,
        ref: this.doc.context.nextRef(),
        name: PDFName.of(`F${this.uses.size + 1}`),
        glyphs: new Map(),
      };
      this.uses.set(key, use);
    }
    return use;
  }
}
