import { type CjkFamily, type FaceSource, faceCatalog } from "./faces";
import { loadFont } from "./loaded-font";

/** Format controls the shaper handles itself; no face needs a glyph for them. */
const IGNORABLE: Array<[number, number]> = [
  [0x200b, 0x200f], // zero-width space, joiners, direction marks
  [0x202a, 0x202e], // bidi embeddings
  [0x2060, 0x2069], // word joiner, bidi isolates
  [0xfe00, 0xfe0f], // variation selectors
  [0xe0100, 0xe01ef],
];
const ignorable = (cp: number) => IGNORABLE.some(([from, to]) => cp >= from && cp <= to);
/** Spaces, digits, punctuation, combining marks: they take the face of the text around them. */
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]+$/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

interface Candidate {
  source: FaceSource;
  covers(codePoint: number): boolean;
}

/**
 * Picks the face for each grapheme cluster: the first face in the fallback order that has a
 * glyph for every character of it. Han characters exist in all three CJK families with regional
 * shapes, so the family the text itself points to goes first (kana → Japanese, hangul → Korean,
 * else Simplified Chinese).
 */
export class FontChain {
  private constructor(
    private readonly statics: Candidate[],
    private readonly cjk: Record<CjkFamily, SliceIndex>,
  ) {}

  static async load(): Promise<FontChain> {
    const sources = faceCatalog();
    const statics = await Promise.all(
      sources
        .filter((source) => source.cjk === undefined)
        .map(async (source) => {
          const { unicodes } = await loadFont(source, "regular");
          return { source, covers: (cp: number) => unicodes.has(cp) };
        }),
    );
    const cjk = {
      sc: sliceIndex(sources, "sc"),
      jp: sliceIndex(sources, "jp"),
      kr: sliceIndex(sources, "kr"),
    };
    return new FontChain(statics, cjk);
  }

  /** The family order for the CJK characters of `text`. */
  cjkOrder(text: string): CjkFamily[] {
    if (KANA.test(text)) return ["jp", "sc", "kr"];
    if (HANGUL.test(text)) return ["kr", "jp", "sc"];
    return ["sc", "jp", "kr"];
  }

  /** The face for one grapheme cluster, or null when no face can draw it. */
  faceFor(cluster: string, cjkOrder: CjkFamily[], current: FaceSource | null): FaceSource | null {
    const codePoints = [...cluster]
      .map((char) => char.codePointAt(0) ?? 0)
      .filter((cp) => !ignorable(cp));
    if (codePoints.length === 0) return current ?? this.statics[0]?.source ?? null;
    const fits = (candidate: Candidate) => codePoints.every((cp) => candidate.covers(cp));
    if (current && NEUTRAL.test(cluster) && this.drawsAll(current, codePoints)) return current;
    for (const candidate of [...this.statics, ...cjkOrder.map((family) => this.cjk[family])]) {
      if (fits(candidate)) return this.sourceOf(candidate, codePoints);
    }
    return null;
  }

  private drawsAll(source: FaceSource, codePoints: number[]): boolean {
    const family = source.cjk;
    if (family) return codePoints.every((cp) => this.cjk[family].sliceAt(cp) === source);
    const candidate = this.statics.find((c) => c.source === source);
    return candidate !== undefined && codePoints.every((cp) => candidate.covers(cp));
  }

  private sourceOf(candidate: Candidate, codePoints: number[]): FaceSource {
    return candidate instanceof SliceIndex ? candidate.sliceOf(codePoints) : candidate.source;
  }
}

/** One CJK family: its slices, indexed by code point (about 30,000 entries, built once). */
class SliceIndex implements Candidate {
  constructor(
    readonly source: FaceSource,
    private readonly byCodePoint: Map<number, FaceSource>,
  ) {}

  covers(codePoint: number): boolean {
    return this.byCodePoint.has(codePoint);
  }

  sliceAt(codePoint: number): FaceSource | undefined {
    return this.byCodePoint.get(codePoint);
  }

  /** A cluster is drawn from one slice: the slice of its first character. */
  sliceOf(codePoints: number[]): FaceSource {
    return this.sliceAt(codePoints[0] ?? 0) ?? this.source;
  }
}

function sliceIndex(sources: FaceSource[], family: CjkFamily): SliceIndex {
  const byCodePoint = new Map<number, FaceSource>();
  const slices = sources.filter((source) => source.cjk === family);
  for (const slice of slices) {
    for (const [from, to] of slice.ranges ?? []) {
      for (let cp = from; cp <= to; cp++) if (!byCodePoint.has(cp)) byCodePoint.set(cp, slice);
    }
  }
  const first = slices[0];
  if (!first) throw new Error(`no ${family} font slices installed`);
  return new SliceIndex(first, byCodePoint);
}
