import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MARKDOWN_MAX_LENGTH, parseMarkdown } from "../lib/markdown";
import { Markdown } from "./Markdown";

const MAX = MARKDOWN_MAX_LENGTH;
/** `unit` repeated to at most `length` characters. */
const fill = (unit: string, length: number) => unit.repeat(Math.floor(length / unit.length));

/**
 * Bodies built to make a parser rescan or backtrack, each at a given length, and a piece of
 * what it must render as. The old parser took 13–20 s on 100k `[` (2.5–2.8 s on `[a](` and
 * `*[`) and froze the tab of anyone opening a free-preview lesson.
 */
const ADVERSARIAL: Array<[name: string, make: (n: number) => string, shows: string]> = [
  ["[ repeated", (n) => fill("[", n), "<p>[[[["],
  ["[a]( repeated", (n) => fill("[a](", n), "[a]([a]("],
  ["*[ repeated", (n) => fill("*[", n), "<em>[</em>[<em>[</em>["],
  ["* repeated", (n) => `${fill("*", n - 1)}x`, "<strong>*</strong><strong>*</strong>"],
  ["_ repeated", (n) => `${fill("_", n - 1)}x`, "_____x</p>"],
  ["a_ repeated", (n) => fill("a_", n), "a_a_a_a_"],
  ["**a* repeated", (n) => fill("**a*", n), "<strong>a</strong><em>a**</em>"],
  ["nested emphasis *_…a…_*", (n) => `${fill("*_", n / 2)}a${fill("_*", n / 2 - 1)}`, "<em>_</em>"],
  [
    "nested links [[…a](u)…",
    (n) => `${fill("[", n / 5)}a${fill("](https://a.dev)", n * 0.8 - 1)}`,
    "[[[[",
  ],
  ["reference-style chain [a][a]…", (n) => fill("[a]", n), "[a][a][a]"],
  ["![ repeated", (n) => fill("![", n), "![![!["],
  ["\\[ repeated", (n) => fill("\\[", n), "<p>[[[["],
  ["( after a label", (n) => `[a](${fill("(", n - 4)}`, "[a](((("],
  ["backtick runs of falling length", backtickRuns, "<code>"],
  ["heading padded with spaces", (n) => `# ${" ".repeat(n - 3)}x`, "<h3>x</h3>"],
  ["heading of hashes", (n) => `# a${"#".repeat(n - 4)}x`, "<h3>a###"],
  ["rule-like line - - …x", (n) => `${fill("- ", n - 1)}x`, "<li>- - - "],
  ["quoted brackets > [", (n) => fill("> [\n", n), "<blockquote>[ [ [ "],
  ["list of brackets - [", (n) => fill("- [\n", n), "<li>[</li><li>[</li>"],
];

/** `a`, then runs of backticks, each one shorter than the last: most never close. */
function backtickRuns(length: number): string {
  let out = "a";
  for (let run = Math.floor(Math.sqrt(2 * length)); run > 0; run--) {
    if (out.length + run + 1 > length) continue;
    out += `${"`".repeat(run)}a`;
  }
  return out;
}

/**
 * CPU time, not wall time: the test machine is shared, and time spent waiting for a core is
 * not time this code spent. Best of `runs`, after a warm-up that lets the JIT compile it.
 */
function cpuMs(work: () => void, runs = 5): number {
  work();
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe("Markdown on hostile 100k-character bodies", () => {
  it.each(ADVERSARIAL)("renders %s in under 100 ms", (_name, make, shows) => {
    const source = make(MAX);
    expect(source.length).toBeGreaterThan(MAX * 0.95);
    expect(source.length).toBeLessThanOrEqual(MAX);
    let html = "";
    const ms = cpuMs(() => {
      html = renderToStaticMarkup(<Markdown source={source} />);
    });
    expect(html).toContain(shows);
    expect(ms).toBeLessThan(100);
  });

  it.each(ADVERSARIAL)("parses %s in time linear in its length", (_name, make) => {
    const [smallSource, largeSource] = [make(MAX / 10), make(MAX)];
    const small = cpuMs(() => parseMarkdown(smallSource));
    const large = cpuMs(() => parseMarkdown(largeSource));
    // Ten times the text: about ten times the work (up to twice that when the garbage
    // collector joins in); a quadratic parser takes a hundred. 1 ms floors the timer's noise.
    expect(large / Math.max(small, 1)).toBeLessThan(40);
  });
});
