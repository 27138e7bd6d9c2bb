import bidiFactory from "bidi-js";
import type { CjkFamily, FaceSource } from "./faces";
import type { FontChain } from "./font-chain";

const bidi = bidiFactory();
const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** A piece of one line with one direction and one face, ready to shape. */
export interface TextRun {
  /** What is shaped: the text itself, or its stand-in when no face can draw it. */
  text: string;
  /** The text as written, for extraction (ActualText) when `text` is a stand-in. */
  actual: string;
  rtl: boolean;
  source: FaceSource;
}

interface LogicalRun extends TextRun {
  level: number;
  standIn: boolean;
}

/** Whether a paragraph reads right to left (its first strong character, rule P2). */
export function isRtlParagraph(text: string): boolean {
  return (bidi.getEmbeddingLevels(text).paragraphs[0]?.level ?? 0) % 2 === 1;
}

/**
 * Splits one line into runs of one bidi level and one face, in visual order (left to right on
 * the page). Each run is shaped on its own; HarfBuzz orders the glyphs of an RTL run visually
 * and mirrors brackets.
 */
export function visualRuns(line: string, rtl: boolean, chain: FontChain): TextRun[] {
  const { levels } = bidi.getEmbeddingLevels(line, rtl ? "rtl" : "ltr");
  const cjkOrder = chain.cjkOrder(line);
  const runs: LogicalRun[] = [];
  for (const { segment, index } of graphemes.segment(line)) {
    const level = levels[index] ?? 0;
    const last = runs.at(-1);
    const current = last?.level === level ? last.source : null;
    const piece = drawable(segment, chain, cjkOrder, current);
    if (!piece) continue;
    const joins = last?.level === level && last.source === piece.source;
    if (last && joins && !piece.standIn && !last.standIn) {
      last.text += segment;
      last.actual += segment;
      continue;
    }
    runs.push({ ...piece, rtl: level % 2 === 1, level });
  }
  return reorderRuns(runs);
}

/**
 * The face for a cluster, or a stand-in when none has it: emoji are left out (decoration on a
 * certificate), letters of scripts without a face become their compatibility decomposition
 * ("𝔘" → "U") or "?" — the exact name stays in the ActualText, the metadata and the credential.
 */
function drawable(
  cluster: string,
  chain: FontChain,
  cjkOrder: CjkFamily[],
  current: FaceSource | null,
): { text: string; actual: string; source: FaceSource; standIn: boolean } | null {
  const source = chain.faceFor(cluster, cjkOrder, current);
  if (source) return { text: cluster, actual: cluster, source, standIn: false };
  if (PICTOGRAPHIC.test(cluster)) return null;
  const decomposed = cluster.normalize("NFKD").replace(/\p{M}/gu, "");
  const fallback = decomposed !== "" ? chain.faceFor(decomposed, cjkOrder, current) : null;
  if (fallback) return { text: decomposed, actual: cluster, source: fallback, standIn: true };
  const question = chain.faceFor("?", cjkOrder, null);
  return question ? { text: "?", actual: cluster, source: question, standIn: true } : null;
}

/** Rule L2 of UAX #9 over runs: reverse every sequence at each level from the highest down to 1. */
export function reorderRuns<T extends { level: number }>(runs: T[]): T[] {
  let order = [...runs];
  const highest = Math.max(0, ...runs.map((run) => run.level));
  for (let level = highest; level >= 1; level--) {
    const next: T[] = [];
    let i = 0;
    while (i < order.length) {
      if ((order[i]?.level ?? 0) < level) {
        next.push(order[i] as T);
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && (order[j]?.level ?? 0) >= level) j++;
      next.push(...order.slice(i, j).reverse());
      i = j;
    }
    order = next;
  }
  return order;
}
