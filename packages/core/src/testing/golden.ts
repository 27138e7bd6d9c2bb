import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * `value` with what differs from run to run replaced by stable placeholders, so a golden file
 * can hold the values themselves: every UUID (alone or inside a string, e.g. an address or a
 * URL) becomes `<id-N>`, numbered in order of first appearance, so the same id is the same
 * placeholder and references between rows stay visible; ISO timestamps become `<time>` and
 * dates `<date>`; each `volatile` string (random but not an id, e.g. a key's prefix) becomes
 * its given name. Rows of a list are numbered in a stable order: by their content with ids and
 * times blanked, since a table's rows come back in no promised order.
 */
export function normaliseForGolden(value: unknown, volatile: Record<string, string> = {}): Json {
  const ids = new Map<string, string>();
  const text = (raw: string, name: (id: string) => string) => {
    if (TIMESTAMP.test(raw)) return "<time>";
    if (DAY.test(raw)) return "<date>";
    let out = raw;
    for (const [secretish, placeholder] of Object.entries(volatile)) {
      out = out.replaceAll(secretish, placeholder);
    }
    return out.replace(UUID, name);
  };
  const blank = (v: unknown): Json => walk(v, () => "<id>");
  const numbered = (raw: string) => {
    const key = raw.toLowerCase();
    let placeholder = ids.get(key);
    if (!placeholder) {
      placeholder = `<id-${ids.size + 1}>`;
      ids.set(key, placeholder);
    }
    return placeholder;
  };
  function walk(v: unknown, name: (id: string) => string): Json {
    if (typeof v === "string") return text(v, name);
    if (v === null || typeof v === "number" || typeof v === "boolean") return v;
    if (Array.isArray(v)) {
      const order = v.map((item) => ({ item, key: JSON.stringify(blank(item)) }));
      order.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return order.map(({ item }) => walk(item, name));
    }
    if (typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, name)]));
    }
    return String(v);
  }
  return walk(value, numbered);
}

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/**
 * The golden JSON file at `file`, for the test to compare `actual` with (vitest's toEqual
 * prints the diff). With `update` (the caller's UPDATE_GOLDEN=1) it first rewrites the file
 * with `actual`, formatted by Biome as `pnpm lint` expects, so the comparison passes.
 */
export async function readGolden(file: URL, actual: Json, { update }: { update: boolean }) {
  const path = fileURLToPath(file);
  if (update) {
    await writeFile(path, `${JSON.stringify(actual, null, 2)}\n`);
    execFileSync("pnpm", ["exec", "biome", "format", "--write", path], {
      cwd: repoRoot,
      stdio: "ignore",
    });
  }
  return JSON.parse(await readFile(path, "utf8")) as Json;
}
