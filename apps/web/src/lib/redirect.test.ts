import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath } from "./redirect";

describe("safeNextPath", () => {
  it("accepts a path on this site", () => {
    expect(safeNextPath("/courses/intro-to-sql-1?x=1")).toBe("/courses/intro-to-sql-1?x=1");
  });

  it("refuses other origins and falls back", () => {
    for (const raw of [
      "//evil.example",
      "https://evil.example",
      "/\\evil.example",
      "javascript:x",
    ]) {
      expect(safeNextPath(raw)).toBe("/");
    }
    expect(safeNextPath(null, "/my-learning")).toBe("/my-learning");
  });

  it("does not loop back to the auth pages", () => {
    expect(safeNextPath("/sign-in?next=/")).toBe("/");
  });

  it("signInPath carries the return path", () => {
    expect(signInPath("/courses/a?b=1")).toBe("/sign-in?next=%2Fcourses%2Fa%3Fb%3D1");
  });
});
