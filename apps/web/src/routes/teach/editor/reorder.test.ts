import { describe, expect, it } from "vitest";
import "../../../lib/i18n/testing";
import { keyboardMoveDelta, moveByOffset, moveItem, moveOnto } from "./reorder";

const items = ["a", "b", "c", "d"].map((id) => ({ id }));
const ids = (list: Array<{ id: string }> | null) => list?.map((i) => i.id).join("");

describe("list moves", () => {
  it("moves an item to an index, clamped into the list", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 1, 99)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 5, 0)).toEqual(["a", "b", "c"]);
  });

  it("moves by one place, refusing to fall off either end", () => {
    expect(ids(moveByOffset(items, "b", -1))).toBe("bacd");
    expect(ids(moveByOffset(items, "b", 1))).toBe("acbd");
    expect(moveByOffset(items, "a", -1)).toBeNull();
    expect(moveByOffset(items, "d", 1)).toBeNull();
    expect(moveByOffset(items, "zz", 1)).toBeNull();
  });

  it("a dropped item takes the place of the one it lands on", () => {
    expect(ids(moveOnto(items, "a", "c"))).toBe("bcad");
    expect(ids(moveOnto(items, "d", "b"))).toBe("adbc");
    expect(moveOnto(items, "b", "b")).toBeNull();
    expect(moveOnto(items, "x", "b")).toBeNull();
  });

  it("Alt+Arrow moves, plain arrows and other modifiers do not", () => {
    const key = (k: string, altKey = true, ctrlKey = false) => ({
      key: k,
      altKey,
      ctrlKey,
      metaKey: false,
    });
    expect(keyboardMoveDelta(key("ArrowUp"))).toBe(-1);
    expect(keyboardMoveDelta(key("ArrowDown"))).toBe(1);
    expect(keyboardMoveDelta(key("ArrowDown", false))).toBeNull();
    expect(keyboardMoveDelta(key("ArrowDown", true, true))).toBeNull();
    expect(keyboardMoveDelta(key("ArrowLeft"))).toBeNull();
  });
});
