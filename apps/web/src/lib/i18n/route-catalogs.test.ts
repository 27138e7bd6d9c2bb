import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Each page loads its route folders' catalogs with its chunk (router.tsx, ADR 0031): the list
 * it names must cover every folder whose files the page's code imports, however indirectly,
 * or a string would show as its bare id until some other page loaded that catalog.
 */
const src = join(import.meta.dirname, "../..");

/** The catalog a source file's messages are extracted to (lingui.config.ts). */
function catalogOf(file: string): string {
  const path = relative(src, file).split("\\").join("/");
  if (path.startsWith("routes/teach/editor/")) return "teach-editor";
  const folder = /^routes\/([^/]+)\//.exec(path)?.[1];
  return folder ?? "app";
}

function resolve(from: string, specifier: string): string | null {
  const base = join(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((c) => /\.tsx?$/.test(c) && existsSync(c)) ?? null;
}

/** Relative imports of a file: static ones, and dynamic ones too when `dynamic`. */
function importsOf(file: string, dynamic: boolean): string[] {
  const code = readFileSync(file, "utf8");
  const patterns = [/\bfrom\s*"(\.[^"]+)"/g, /\bimport\s*"(\.[^"]+)"/g];
  if (dynamic) patterns.push(/\bimport\(\s*"(\.[^"]+)"\s*\)/g);
  return patterns
    .flatMap((p) => [...code.matchAll(p)].map((m) => m[1] ?? ""))
    .map((s) => resolve(file, s))
    .filter((f): f is string => f !== null && !/\.test\.tsx?$/.test(f));
}

/** The catalogs of every file reachable from `entry`, `app` left out (always loaded). */
function catalogsReachable(entry: string, dynamic: boolean): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file; file = queue.pop()) {
    for (const next of importsOf(file, dynamic)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...new Set([...seen].map(catalogOf))].filter((c) => c !== "app").sort();
}

const router = readFileSync(join(src, "router.tsx"), "utf8");
const pages = [...router.matchAll(/page\(\s*\(\) => import\("(\.[^"]+)"\),\s*\[([^\]]*)\]/g)].map(
  (m) => ({
    module: m[1] ?? "",
    declared: [...(m[2] ?? "").matchAll(/"([^"]+)"/g)].map((n) => n[1] ?? "").sort(),
  }),
);

describe("the catalogs each page loads with its chunk", () => {
  it("every page of the router names its catalogs", () => {
    const all = [...router.matchAll(/page\(\s*\(\) => import\(/g)].length;
    expect(pages.length).toBe(all);
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages)("$module names exactly the route folders its code reaches", (page) => {
    const entry = resolve(join(src, "router.tsx"), page.module) ?? page.module;
    expect(page.declared).toEqual(catalogsReachable(entry, true));
  });

  it("the shell reaches only the settings folder, which its deletion banner loads itself", () => {
    const shell = readFileSync(join(src, "components/DeletionBanner.tsx"), "utf8");
    expect(catalogsReachable(join(src, "main.tsx"), false)).toEqual(["settings"]);
    expect(shell).toMatch(/useCatalog\("settings"/);
  });
});
