import { describe, expect, it } from "vitest";
import { historyWrite, isSearchShortcut, nextResultIndex } from "./search-keys";

describe("search history", () => {
  it("one typing burst makes one history entry; submitting ends it", () => {
    let burst = false;
    const write = (kind: "typing" | "submit") => {
      const result = historyWrite(burst, kind);
      burst = result.burstActive;
      return result.replace ? "replace" : "push";
    };
    expect([write("typing"), write("typing"), write("submit")]).toEqual([
      "push",
      "replace",
      "replace",
    ]);
    expect([write("submit"), write("typing"), write("typing")]).toEqual([
      "push",
      "push",
      "replace",
    ]);
  });
});

describe("result navigation", () => {
  it("moves through a grid by row and column", () => {
    expect(nextResultIndex(0, "ArrowRight", 7, 3)).toBe(1);
    expect(nextResultIndex(1, "ArrowDown", 7, 3)).toBe(4);
    expect(nextResultIndex(4, "ArrowDown", 7, 3)).toBe(4);
    expect(nextResultIndex(5, "ArrowUp", 7, 3)).toBe(2);
    expect(nextResultIndex(6, "ArrowRight", 7, 3)).toBe(6);
    expect(nextResultIndex(0, "ArrowLeft", 7, 3)).toBe(0);
    expect(nextResultIndex(3, "Home", 7, 3)).toBe(0);
    expect(nextResultIndex(3, "End", 7, 3)).toBe(6);
  });

  it("up from the first row goes back to the search box", () => {
    expect(nextResultIndex(2, "ArrowUp", 7, 3)).toBe(-1);
    expect(nextResultIndex(0, "ArrowUp", 7, 1)).toBe(-1);
  });

  it("ignores other keys", () => {
    expect(nextResultIndex(0, "Enter", 7, 3)).toBeNull();
  });
});

describe("slash shortcut", () => {
  const event = (key: string, target: object | null = {}, mods = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target,
    ...mods,
  });

  it("focuses search from the page", () => {
    expect(isSearchShortcut(event("/", { tagName: "BODY" }))).toBe(true);
    expect(isSearchShortcut(event("/", { tagName: "A" }))).toBe(true);
  });

  it("types a slash into fields and leaves modified keys alone", () => {
    expect(isSearchShortcut(event("/", { tagName: "INPUT" }))).toBe(false);
    expect(isSearchShortcut(event("/", { tagName: "textarea" }))).toBe(false);
    expect(isSearchShortcut(event("/", { tagName: "DIV", isContentEditable: true }))).toBe(false);
    expect(isSearchShortcut(event("/", { tagName: "BODY" }, { ctrlKey: true }))).toBe(false);
    expect(isSearchShortcut(event("k", { tagName: "BODY" }))).toBe(false);
  });
});
