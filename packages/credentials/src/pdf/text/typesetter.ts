import type { FontStyle } from "./faces";
import { FontChain } from "./font-chain";
import { loadFont } from "./loaded-font";
import { isRtlParagraph, visualRuns } from "./runs";
import { type ShapedRun, shapeRun } from "./shape";

export interface ShapedLine {
  /** Visual order, left to right. */
  runs: ShapedRun[];
  /** Width at a font size of 1 (multiply by the size for points). */
  width: number;
}

let chain: Promise<FontChain> | undefined;

/**
 * Turns strings into shaped lines: bidi runs, a face per run from the fallback chain, HarfBuzz
 * shaping. Results are cached per instance because fitting a title measures the same strings
 * at several sizes.
 */
export class Typesetter {
  private readonly shaped = new Map<string, Promise<ShapedLine>>();

  private constructor(private readonly chain: FontChain) {}

  static async create(): Promise<Typesetter> {
    chain ??= FontChain.load();
    chain.catch(() => {
      chain = undefined;
    });
    return new Typesetter(await chain);
  }

  /** `rtl`: the paragraph's direction, so every wrapped line of it keeps the same base direction. */
  shape(text: string, style: FontStyle, rtl = isRtlParagraph(text)): Promise<ShapedLine> {
    const key = `${style}:${rtl ? "rtl" : "ltr"}:${text}`;
    let line = this.shaped.get(key);
    if (!line) {
      line = this.shapeNow(text, style, rtl);
      this.shaped.set(key, line);
    }
    return line;
  }

  async measure(text: string, style: FontStyle): Promise<number> {
    return (await this.shape(text, style)).width;
  }

  private async shapeNow(text: string, style: FontStyle, rtl: boolean): Promise<ShapedLine> {
    const runs: ShapedRun[] = [];
    for (const run of visualRuns(text, rtl, this.chain)) {
      runs.push(shapeRun(await loadFont(run.source, style), run));
    }
    const width = runs.reduce((sum, run) => sum + run.advance / run.font.upem, 0);
    return { runs, width };
  }
}
