import { describe, expect, it } from "vitest";
import { cachePolicyOf, DEFAULT_CACHE_CONTROL } from "../src/catalog/policy";

describe("cachePolicyOf", () => {
  it("reads the shared-cache directives the API sends", () => {
    expect(cachePolicyOf(DEFAULT_CACHE_CONTROL)).toEqual({
      freshSeconds: 60,
      staleWhileRevalidateSeconds: 300,
      staleIfErrorSeconds: 86_400,
      cacheControl: DEFAULT_CACHE_CONTROL,
    });
  });

  it("falls back to the default policy when the origin sends none", () => {
    expect(cachePolicyOf(null)?.freshSeconds).toBe(60);
  });

  it("prefers s-maxage over max-age, and caps what an origin may ask for", () => {
    expect(cachePolicyOf("public, max-age=5")?.freshSeconds).toBe(5);
    expect(cachePolicyOf("max-age=5, s-maxage=30")?.freshSeconds).toBe(30);
    expect(cachePolicyOf("s-maxage=999999, stale-if-error=99999999")).toMatchObject({
      freshSeconds: 3_600,
      staleIfErrorSeconds: 7 * 86_400,
    });
  });

  it("refuses to store private or no-store responses", () => {
    expect(cachePolicyOf("private, max-age=60")).toBeNull();
    expect(cachePolicyOf("no-store")).toBeNull();
  });
});
