import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { physicalDeclarations } from "./logical-properties";

const SRC = join(import.meta.dirname, "..");

/**
 * Physical declarations that are right as they are, by file and property, with the reason.
 * Everything else in the SPA's CSS uses logical properties, so Arabic (right-to-left) mirrors.
 */
const ALLOWED: Record<string, { property: string; reason: string }[]> = {};

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith(".css") ? [path] : [];
  });
}

describe("right-to-left layout", () => {
  it("finds physical properties, and lets logical ones and symmetric shorthands pass", () => {
    const css = `
      .a { margin-left: 1rem; padding-right: 2px; left: 0; text-align: right; }
      .b { border-left: 3px solid; float: left; padding: 1px 2px 3px 4px; }
      .c { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start; }
      .d { padding: 1px 2px 3px 2px; margin: 0 auto; border-radius: 4px 4px 0 0; }
      .e { background: linear-gradient(to right, red, blue); }`;
    expect(physicalDeclarations(css).map((d) => d.property)).toEqual([
      "margin-left",
      "padding-right",
      "left",
      "text-align",
      "border-left",
      "float",
      "padding",
      "background",
    ]);
  });

  it("no CSS file in apps/web/src uses physical left/right unless allowed with a reason", () => {
    const offenders: string[] = [];
    for (const file of cssFiles(SRC)) {
      const name = relative(SRC, file);
      const allowed = ALLOWED[name] ?? [];
      for (const found of physicalDeclarations(readFileSync(file, "utf8"))) {
        if (allowed.some((a) => a.property === found.property)) continue;
        offenders.push(`${name}:${found.line} ${found.text}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
