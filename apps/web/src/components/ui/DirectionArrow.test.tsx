import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DirectionArrow } from "./DirectionArrow";

const SRC = join(import.meta.dirname, "../..");
/** Arrows and chevrons that point left or right (vertical ones need no mirroring). */
const DIRECTIONAL = /[←→⇐⇒⟵⟶‹›❮❯]/u;

/**
 * Directional glyphs written in markup on purpose, by file, with the reason. Everywhere else a
 * previous/next arrow is a DirectionArrow, so it points the reading direction in Arabic.
 */
const ALLOWED: Record<string, { line: RegExp; reason: string }[]> = {
  "routes/learn/LessonNav.tsx": [
    { line: /<kbd>[←→]<\/kbd>/u, reason: "names the keyboard's arrow keys, which do not mirror" },
  ],
  "components/ui/DirectionArrow.tsx": [{ line: /"←" : "→"/u, reason: "the arrow itself" }],
};

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "locales" ? [] : componentFiles(path);
    return entry.name.endsWith(".tsx") && !entry.name.includes(".test.") ? [path] : [];
  });
}

/** Source lines without comments (which may draw arrows to explain a flow: a → b). */
function codeLines(source: string): string[] {
  const noBlocks = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ""));
  return noBlocks.split("\n").map((line) => line.replace(/(^|\s)\/\/.*$/, ""));
}

describe("directional arrows", () => {
  it("point to the start or the end of the line, hidden from assistive technology", () => {
    const start = renderToStaticMarkup(<DirectionArrow to="start" />);
    const end = renderToStaticMarkup(<DirectionArrow to="end" />);
    expect(start).toBe('<span aria-hidden="true" class="arrow">←</span>');
    expect(end).toBe('<span aria-hidden="true" class="arrow">→</span>');
  });

  it("are mirrored in right-to-left, so the start arrow points right in Arabic", () => {
    const css = readFileSync(join(import.meta.dirname, "DirectionArrow.module.css"), "utf8");
    expect(css).toMatch(/\.arrow:dir\(rtl\)\s*\{\s*transform:\s*scaleX\(-1\);\s*\}/);
    // A transform needs a box: an inline span would not flip.
    expect(css).toMatch(/\.arrow\s*\{\s*display:\s*inline-block;\s*\}/);
  });

  it("are the only left/right glyphs in the SPA's markup, except those allowed with a reason", () => {
    const offenders: string[] = [];
    for (const file of componentFiles(SRC)) {
      const name = relative(SRC, file);
      codeLines(readFileSync(file, "utf8")).forEach((line, i) => {
        if (!DIRECTIONAL.test(line)) return;
        if ((ALLOWED[name] ?? []).some((a) => a.line.test(line))) return;
        offenders.push(`${name}:${i + 1} ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
