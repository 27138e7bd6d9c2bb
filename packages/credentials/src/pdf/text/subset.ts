import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/** The few hb-subset C functions used, as harfbuzzjs's subset build exports them. */
interface SubsetExports {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_pin_axis_location(
    input: number,
    face: number,
    tag: number,
    value: number,
  ): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const MEMORY_MODE_WRITABLE = 2;
const SETS_DROP_TABLE_TAG = 3;
const FLAG_NO_HINTING = 0x1;
// Glyph ids stay those the text was shaped with, so the PDF can use them as CIDs unchanged.
const FLAG_RETAIN_GIDS = 0x2;
const FLAG_NO_LAYOUT_CLOSURE = 0x200;
/** Layout and variation tables are spent once the text is shaped and the face instanced. */
const DROPPED_TABLES = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "STAT", "DSIG", "kern"];
const DROPPED_TABLES_VERTICAL = ["vhea", "vmtx", "VORG"];

/**
 * The global WebAssembly API, typed here: the packages that compile this file (the API, tRPC)
 * build without the DOM library that declares it.
 */
interface WebAssemblyApi {
  instantiate(module: Uint8Array): Promise<{ instance: { exports: unknown } }>;
}
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

let loading: Promise<SubsetExports> | undefined;

function subsetter(): Promise<SubsetExports> {
  loading ??= (async () => {
    const path = createRequire(import.meta.url).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm");
    const { instance } = await wasm.instantiate(await readFile(path));
    // The module is built without imports and exports exactly the C API declared above; the
    // WebAssembly API types exports as an untyped record, hence the one conversion.
    const exports = instance.exports as unknown as SubsetExports;
    exports._initialize();
    return exports;
  })();
  return loading;
}

/**
 * A TrueType font holding only `glyphIds` (and the components of composite glyphs), hinting
 * and layout tables dropped, glyph ids kept — what a PDF needs to draw already-shaped text.
 * `weight` instances a variable font at that weight (the shaping used the same instance).
 */
export async function subsetGlyphs(
  ttf: Uint8Array,
  glyphIds: Iterable<number>,
  weight?: number,
): Promise<Uint8Array> {
  const hb = await subsetter();
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error("hb-subset: out of memory");
  const data = hb.malloc(ttf.byteLength);
  new Uint8Array(hb.memory.buffer).set(ttf, data);
  const blob = hb.hb_blob_create(data, ttf.byteLength, MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  try {
    const glyphs = hb.hb_subset_input_glyph_set(input);
    for (const gid of glyphIds) hb.hb_set_add(glyphs, gid);
    const dropped = hb.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
    for (const tag of [...DROPPED_TABLES, ...DROPPED_TABLES_VERTICAL]) {
      hb.hb_set_add(dropped, tagOf(tag));
    }
    hb.hb_subset_input_set_flags(
      input,
      FLAG_NO_HINTING | FLAG_RETAIN_GIDS | FLAG_NO_LAYOUT_CLOSURE,
    );
    if (
      weight !== undefined &&
      !hb.hb_subset_input_pin_axis_location(input, face, tagOf("wght"), weight)
    ) {
      throw new Error("hb-subset: the font has no weight axis to instance");
    }
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error("hb-subset: the font could not be subset");
    const result = hb.hb_face_reference_blob(subset);
    const start = hb.hb_blob_get_data(result, 0);
    const bytes = new Uint8Array(hb.memory.buffer).slice(
      start,
      start + hb.hb_blob_get_length(result),
    );
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    if (bytes.byteLength === 0) throw new Error("hb-subset: empty result");
    return bytes;
  } finally {
    hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(data);
  }
}

function tagOf(tag: string): number {
  return [...tag].reduce((value, char) => (value << 8) | char.charCodeAt(0), 0) >>> 0;
}
