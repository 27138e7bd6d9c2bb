import { describe, expect, it } from "vitest";
import { ifNoneMatchMatches } from "./http-cache";

describe("ifNoneMatchMatches", () => {
  it("matches the same tag whether either side is weak or strong", () => {
    expect(ifNoneMatchMatches('"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchMatches('W/"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchMatches('"abc"', 'W/"abc"')).toBe(true);
  });

  it("matches any tag in a list, and the wildcard", () => {
    expect(ifNoneMatchMatches('"x", W/"abc" , "y"', 'W/"abc"')).toBe(true);
    expect(ifNoneMatchMatches("*", '"abc"')).toBe(true);
  });

  it("does not match a different tag, an empty header or a bare word", () => {
    expect(ifNoneMatchMatches('"abd"', '"abc"')).toBe(false);
    expect(ifNoneMatchMatches("", '"abc"')).toBe(false);
    expect(ifNoneMatchMatches(null, '"abc"')).toBe(false);
    expect(ifNoneMatchMatches("abc", '"abc"')).toBe(false);
  });
});
