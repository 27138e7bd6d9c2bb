import { describe, expect, it } from "vitest";
import { isSafeRelativePath } from "./layout";
import { expectedPartSize, partCount } from "./upload";

describe("upload parts", () => {
  it("splits a size into equal parts and a shorter last one", () => {
    expect(partCount(20, 8)).toBe(3);
    expect([1, 2, 3].map((n) => expectedPartSize(n, 20, 8))).toEqual([8, 8, 4]);
    expect(expectedPartSize(2, 16, 8)).toBe(8);
  });

  it("has no part 0, no part past the end and no fractional parts", () => {
    expect(expectedPartSize(0, 20, 8)).toBeNull();
    expect(expectedPartSize(4, 20, 8)).toBeNull();
    expect(expectedPartSize(1.5, 20, 8)).toBeNull();
  });
});

describe("isSafeRelativePath", () => {
  it("accepts nested names and refuses traversal and odd characters", () => {
    expect(isSafeRelativePath("360p-ab12/seg_00001.ts")).toBe(true);
    for (const bad of ["", "../source", "a/../b", "a//b", "/abs", "a\\b", "a\u0000b", "./a"]) {
      expect(isSafeRelativePath(bad)).toBe(false);
    }
  });
});
