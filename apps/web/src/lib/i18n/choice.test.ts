import { describe, expect, it } from "vitest";
import { profileLocaleFor, resolveLocale } from "./choice";

describe("resolveLocale", () => {
  it("the profile's language wins over this device's choice and the browser", () => {
    expect(resolveLocale({ profile: "ar", stored: "es", browser: ["en-US"] })).toBe("ar");
  });

  it("an older sign-up's regional tag counts by its language", () => {
    expect(resolveLocale({ profile: "es-MX", stored: "en" })).toBe("es");
  });

  it("without a usable profile language, this device's choice comes next", () => {
    expect(resolveLocale({ profile: null, stored: "es", browser: ["ar"] })).toBe("es");
    expect(resolveLocale({ profile: "fr-CA", stored: "ar", browser: ["es"] })).toBe("ar");
  });

  it("then the browser's first language we speak, then English", () => {
    expect(resolveLocale({ browser: ["fr-FR", "es-AR", "en"] })).toBe("es");
    expect(resolveLocale({ browser: ["fr-FR", "de"] })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });
});

it("a device in pseudo-localisation stays in it whatever the profile says (tests)", () => {
  expect(resolveLocale({ profile: "es", stored: "pseudo" })).toBe("pseudo");
});

describe("profileLocaleFor", () => {
  it("saves real languages and never pseudo-localisation", () => {
    expect(profileLocaleFor("ar")).toBe("ar");
    expect(profileLocaleFor("pseudo")).toBeNull();
  });
});
