import { describe, expect, it } from "vitest";
import { parseQuery } from "../query/parse";
import { composeTsquery } from "./tsquery";

// Parts are what Postgres prints per atom: 'simple' first, then one per stemming config.
describe("composeTsquery", () => {
  it("drops stems the prefix already covers and repeated ones", () => {
    const parsed = parseQuery("python learning");
    const parts = ["'python':*", "'python'", "'python'", "'learning':*", "'learn'", "'learning'"];
    expect(composeTsquery(parsed, parts, 3)).toBe("(('python':*)) & (('learning':* | 'learn'))");
  });

  it("turns single-word stems into prefixes for highlighting", () => {
    const parts = ["'courses':*", "'cours'"];
    expect(composeTsquery(parseQuery("courses"), parts, 2, { stemPrefixes: true })).toBe(
      "(('courses':* | 'cours':*))",
    );
  });

  it("joins OR alternatives, then negates exclusions", () => {
    const parsed = parseQuery('java OR go -"web design"');
    const parts = ["'java':*", "'go':*", "'web' <-> 'design'"];
    expect(composeTsquery(parsed, parts, 1)).toBe(
      "(('java':*) | ('go':*)) & !('web' <-> 'design')",
    );
  });

  it("skips atoms Postgres reduced to nothing", () => {
    expect(composeTsquery(parseQuery("the python"), ["", "'python':*"], 1)).toBe("(('python':*))");
  });
});
