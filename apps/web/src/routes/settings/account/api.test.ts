import { describe, expect, it } from "vitest";
import { parseProfile, profileLanguage } from "./api";

describe("profile language", () => {
  it("a browser tag from sign-up shows as its language when we ship it, else English", () => {
    expect(profileLanguage("es-MX")).toBe("es");
    expect(profileLanguage("ar")).toBe("ar");
    expect(profileLanguage("fr-CA")).toBe("en");
    expect(profileLanguage(null)).toBe("en");
  });
});

describe("profile from the session", () => {
  it("reads name, email, language and zone, and nothing from a signed-out answer", () => {
    const body = { user: { name: "Ada", email: "ada@x.dev", locale: "es", timeZone: "UTC" } };
    expect(parseProfile(body)).toEqual({
      name: "Ada",
      email: "ada@x.dev",
      locale: "es",
      timeZone: "UTC",
    });
    expect(parseProfile({ user: { name: "Ada", email: "ada@x.dev" } })).toMatchObject({
      locale: null,
      timeZone: null,
    });
    expect(parseProfile(null)).toBeNull();
  });
});
