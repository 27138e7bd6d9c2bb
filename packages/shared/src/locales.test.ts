import { describe, expect, it } from "vitest";
import { isLocale, matchLocale, negotiateLocale, textDirection } from "./locales";

describe("negotiateLocale", () => {
  it("picks the first supported language of an Accept-Language header by q-value", () => {
    expect(negotiateLocale("fr-FR,fr;q=0.9,es-MX;q=0.8,en;q=0.7")).toBe("es");
    expect(negotiateLocale("en;q=0.2, ar-EG;q=0.9")).toBe("ar");
  });

  it("skips languages refused with q=0 and wildcards", () => {
    expect(negotiateLocale("es;q=0, *;q=0.5, ar;q=0.1")).toBe("ar");
  });

  it("falls back to English for nothing, garbage or unsupported languages", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale(";;;,q=,,")).toBe("en");
    expect(negotiateLocale("de-DE,ja")).toBe("en");
  });

  it("takes navigator.languages in order", () => {
    expect(negotiateLocale(["de", "AR", "es"])).toBe("ar");
  });
});

describe("locale helpers", () => {
  it("match by primary subtag and know the direction", () => {
    expect(matchLocale("es_419")).toBe("es");
    expect(matchLocale("pt-BR")).toBeNull();
    expect(isLocale("ar")).toBe(true);
    expect(isLocale("AR")).toBe(false);
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("es")).toBe("ltr");
  });
});
