import { describe, expect, it } from "vitest";
import { parseRange, resolveRange } from "../src/media/range";

const resolve = (header: string, size: number) => {
  const range = parseRange(header);
  return range ? resolveRange(range, size) : "ignored";
};

describe("byte ranges", () => {
  it("resolve the three single-range forms against the object size", () => {
    expect(resolve("bytes=0-0", 10)).toEqual({ offset: 0, length: 1 });
    expect(resolve("bytes=2-", 10)).toEqual({ offset: 2, length: 8 });
    expect(resolve("bytes=-3", 10)).toEqual({ offset: 7, length: 3 });
    expect(resolve("bytes=-30", 10)).toEqual({ offset: 0, length: 10 });
    expect(resolve("bytes=8-30", 10)).toEqual({ offset: 8, length: 2 });
  });

  it("are unsatisfiable past the end, for a zero suffix, and for an empty object", () => {
    expect(resolve("bytes=10-", 10)).toBeNull();
    expect(resolve("bytes=-0", 10)).toBeNull();
    expect(resolve("bytes=0-", 0)).toBeNull();
  });

  it("are ignored (whole object served) when not one well-formed byte range", () => {
    for (const header of ["bytes=0-1,3-4", "bytes=5-2", "bytes=-", "items=0-1", "bytes=a-b"]) {
      expect({ header, result: resolve(header, 10) }).toEqual({ header, result: "ignored" });
    }
  });
});
