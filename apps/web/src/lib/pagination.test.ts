import { describe, expect, it } from "vitest";
import { pageItems } from "./pagination";

const render = (current: number, count: number) =>
  pageItems(current, count)
    .map((item) => (item.kind === "gap" ? "…" : String(item.page)))
    .join(" ");

describe("pageItems", () => {
  it("shows no pager for a single page", () => {
    expect(pageItems(1, 1)).toEqual([]);
  });

  it("shows every page when there are few", () => {
    expect(render(1, 4)).toBe("1 2 3 4");
  });

  it("keeps first and last with a window around the current page", () => {
    expect(render(10, 20)).toBe("1 … 9 10 11 … 20");
    expect(render(1, 20)).toBe("1 2 … 20");
    expect(render(20, 20)).toBe("1 … 19 20");
  });

  it("never hides a single page behind a gap", () => {
    expect(render(4, 20)).toBe("1 2 3 4 5 … 20");
  });
});
