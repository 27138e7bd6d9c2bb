import { describe, expect, it } from "vitest";
import { nextTab } from "./Tabs";

describe("tab keys", () => {
  it("→ moves to the next tab left-to-right, wrapping", () => {
    expect(nextTab("ArrowRight", 0, 3)).toBe(1);
    expect(nextTab("ArrowRight", 2, 3)).toBe(0);
    expect(nextTab("ArrowLeft", 0, 3)).toBe(2);
  });

  it("in right-to-left the tabs run leftwards: ← is next, → is previous", () => {
    expect(nextTab("ArrowLeft", 0, 3, true)).toBe(1);
    expect(nextTab("ArrowRight", 0, 3, true)).toBe(2);
    expect(nextTab("Home", 2, 3, true)).toBe(0);
  });
});
