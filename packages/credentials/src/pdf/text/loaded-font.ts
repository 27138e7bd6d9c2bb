/// <reference path="./wawoff2.d.ts" />
import { readFile } from "node:fs/promises";
import * as hb from "harfbuzzjs";
import { decompress } from "wawoff2";
import { type FaceSource, type FontStyle, WEIGHT } from "./faces";

/** A face ready to shape with: its TrueType bytes (the input to subsetting) and HarfBuzz objects. */
export interface LoadedFont {
  source: FaceSource;
  style: FontStyle;
  /** sfnt bytes of the whole face (a decoded WOFF2 for the CJK slices). */
  ttf: Uint8Array;
  face: hb.Face;
  /** Instanced at the style's weight for variable faces, so advances match the subset. */
  font: hb.Font;
  upem: number;
  unicodes: ReadonlySet<number>;
}

/**
 * Faces stay loaded for the life of the process (HarfBuzz frees them by GC once dropped). The
 * three static faces are always used; CJK slices are many and small, so only the most recently
 * used stay cached — a runner issuing certificates in every script does not grow without bound.
 */
const MAX_CACHED_SLICES = 48;
const cache = new Map<string, Promise<LoadedFont>>();

export function loadFont(source: FaceSource, style: FontStyle): Promise<LoadedFont> {
  const key = `${source.id}:${style}`;
  let loading = cache.get(key);
  if (loading) {
    cache.delete(key);
  } else {
    loading = load(source, style);
    // A failed load is not cached: the next certificate tries again.
    loading.catch(() => cache.delete(key));
  }
  cache.set(key, loading);
  evictSlices();
  return loading;
}

function evictSlices(): void {
  const slices = [...cache.keys()].filter((key) => !isStatic(key));
  for (const key of slices.slice(0, Math.max(0, slices.length - MAX_CACHED_SLICES))) {
    cache.delete(key);
  }
}

const isStatic = (key: string) => !/^NotoSans(SC|JP|KR)-/.test(key);

async function load(source: FaceSource, style: FontStyle): Promise<LoadedFont> {
  const file = new Uint8Array(await readFile(source.path(style)));
  // The decoder returns a view into its own WebAssembly memory, which the next call reuses: copy.
  const ttf = source.variable ? Uint8Array.from(await decompress(file)) : file;
  const face = new hb.Face(new hb.Blob(ttf));
  const font = new hb.Font(face);
  if (source.variable) font.setVariations([new hb.Variation("wght", WEIGHT[style])]);
  return {
    source,
    style,
    ttf,
    face,
    font,
    upem: face.upem,
    unicodes: new Set(face.collectUnicodes()),
  };
}
