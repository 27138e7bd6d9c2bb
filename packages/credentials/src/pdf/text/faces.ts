import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The Noto faces the certificate is set in, in fallback order. Noto Sans covers Latin, Greek,
 * Cyrillic and Devanagari; Hebrew and Arabic have faces of their own (static TTFs, one per
 * weight). CJK comes from the variable WOFF2 faces split into Google Fonts' unicode-range
 * slices: three full CJK families as static TTFs would be ~300 MB of node_modules, the slices
 * are 15 MB, and one slice file serves every weight.
 */
export type FontStyle = "regular" | "bold";

export const WEIGHT: Record<FontStyle, number> = { regular: 400, bold: 700 };

export interface FaceSource {
  /** Unique per file: the cache key and the PDF font name (with the style). */
  id: string;
  /** File path for a style; variable faces use one file for both. */
  path(style: FontStyle): string;
  /** True for variable WOFF2 slices: decoded, then instanced at the style's weight. */
  variable: boolean;
  /** Which family of the CJK group, to prefer the one matching the text (kana → JP …). */
  cjk?: CjkFamily;
  /** Coverage from unicode-range data, when known without opening the file. */
  ranges?: Array<[number, number]>;
}

export type CjkFamily = "sc" | "jp" | "kr";

const require = createRequire(import.meta.url);
const resolve = (pkg: string, file: string) => require.resolve(`${pkg}/${file}`);

function expo(pkg: string, family: string): FaceSource {
  const file = (style: FontStyle) =>
    style === "bold" ? `700Bold/${family}_700Bold.ttf` : `400Regular/${family}_400Regular.ttf`;
  return {
    id: family,
    path: (style) => resolve(`@expo-google-fonts/${pkg}`, file(style)),
    variable: false,
  };
}

function cjkSlices(family: CjkFamily): FaceSource[] {
  const pkg = `@fontsource-variable/noto-sans-${family}`;
  const slices: Record<string, string> = JSON.parse(
    readFileSync(resolve(pkg, "unicode.json"), "utf8"),
  );
  const faces: FaceSource[] = [];
  for (const [key, ranges] of Object.entries(slices)) {
    // Numbered slices hold the CJK characters; the named ones (latin, cyrillic…) are left to
    // Noto Sans, which already covers them.
    const slice = /^\[(\d+)\]$/.exec(key)?.[1];
    if (slice === undefined) continue;
    const path = resolve(pkg, `files/noto-sans-${family}-${slice}-wght-normal.woff2`);
    faces.push({
      id: `NotoSans${family.toUpperCase()}-${slice}`,
      path: () => path,
      variable: true,
      cjk: family,
      ranges: parseUnicodeRanges(ranges),
    });
  }
  return faces;
}

export function parseUnicodeRanges(css: string): Array<[number, number]> {
  return css.split(",").map((range) => {
    const [from = "", to] = range.trim().replace(/^U\+/i, "").split("-");
    const start = Number.parseInt(from, 16);
    return [start, to === undefined ? start : Number.parseInt(to, 16)];
  });
}

let catalog: FaceSource[] | undefined;

/** Every face, in fallback order (built once: it reads three small JSON files). */
export function faceCatalog(): FaceSource[] {
  catalog ??= [
    expo("noto-sans", "NotoSans"),
    expo("noto-sans-hebrew", "NotoSansHebrew"),
    expo("noto-sans-arabic", "NotoSansArabic"),
    ...cjkSlices("sc"),
    ...cjkSlices("jp"),
    ...cjkSlices("kr"),
  ];
  return catalog;
}
