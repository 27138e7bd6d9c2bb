import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { Json } from "../testing";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/**
 * Compares `actual` with the golden JSON file at `file`, failing with vitest's diff of the two.
 * With `update` (the caller's UPDATE_GOLDEN=1) it rewrites the file instead, formatted by
 * Biome as `pnpm lint` expects, and passes.
 */
export async function expectGolden(
  actual: Json,
  file: URL,
  { update, regenerate }: { update: boolean; regenerate: string },
) {
  const path = fileURLToPath(file);
  if (update) {
    await writeFile(path, `${JSON.stringify(actual, null, 2)}\n`);
    execFileSync("pnpm", ["exec", "biome", "format", "--write", path], {
      cwd: repoRoot,
      stdio: "ignore",
    });
    return;
  }
  const golden: unknown = JSON.parse(await readFile(path, "utf8"));
  expect(
    actual,
    `differs from ${path}; if the change is deliberate, regenerate it: ${regenerate}`,
  ).toEqual(golden);
}
