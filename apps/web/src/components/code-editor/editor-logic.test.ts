import { describe, expect, it } from "vitest";
import { describedByIds, keyboardHint, minimalChange } from "./editor-logic";

const apply = (doc: string, change: ReturnType<typeof minimalChange>) =>
  change ? doc.slice(0, change.from) + change.insert + doc.slice(change.to) : doc;

describe("minimalChange", () => {
  it("is null for equal documents", () => {
    expect(minimalChange("x = 1\n", "x = 1\n")).toBeNull();
  });

  it("replaces only the span that differs", () => {
    const before = "def f():\n    return 1\n";
    const after = "def f():\n    return 42\n";
    expect(minimalChange(before, after)).toEqual({ from: 20, to: 21, insert: "42" });
  });

  it("handles pure insertions, deletions and a whole replacement", () => {
    expect(minimalChange("ab", "aXb")).toEqual({ from: 1, to: 1, insert: "X" });
    expect(minimalChange("aXb", "ab")).toEqual({ from: 1, to: 2, insert: "" });
    expect(minimalChange("", "print()")).toEqual({ from: 0, to: 0, insert: "print()" });
    expect(minimalChange("abc", "xyz")).toEqual({ from: 0, to: 3, insert: "xyz" });
  });

  it("does not let prefix and suffix overlap on repeated text", () => {
    // "aa" → "aaa": a common prefix of 2 and suffix of 2 would overlap; one "a" is inserted.
    const change = minimalChange("aa", "aaa");
    expect(change).toEqual({ from: 2, to: 2, insert: "a" });
    expect(apply("  x\n  x\n", minimalChange("  x\n  x\n", "  x\n"))).toBe("  x\n");
  });

  it("never splits a surrogate pair", () => {
    // 😀 (U+1F600) and 😁 (U+1F601) share their high surrogate.
    const change = minimalChange("a😀b", "a😁b");
    expect(change).toEqual({ from: 1, to: 3, insert: "😁" });
    // U+1F600 and U+1F200 share their low surrogate (\uDE00): the suffix side.
    expect(minimalChange("😀", "\u{1F200}")).toEqual({ from: 0, to: 2, insert: "\u{1F200}" });
  });

  it("round-trips random edits", () => {
    const docs = ["", "a", "for i in range(3):\n    print(i)\n", "x😀y", "aaaa", "abab"];
    for (const a of docs) for (const b of docs) expect(apply(a, minimalChange(a, b))).toBe(b);
  });
});

describe("the keyboard hint", () => {
  it("tells keyboard users how to leave an editable editor, and is absent when read-only", () => {
    expect(keyboardHint(false)).toMatch(/Escape, then Tab/);
    expect(keyboardHint(true)).toBeNull();
  });

  it("describes the editor by its hint, then the caller's ids", () => {
    expect(describedByIds("answer", false, " task  notes ")).toEqual([
      "answer-hint",
      "task",
      "notes",
    ]);
    expect(describedByIds("answer", true, "task")).toEqual(["task"]);
    expect(describedByIds("answer", true)).toEqual([]);
  });
});
