import { describe, expect, it } from "vitest";
import { CAPTION_LANGUAGES, defaultCaptionLabel } from "./caption-languages";

describe("caption languages", () => {
  it("offers common BCP 47 tags with their English names", () => {
    expect(CAPTION_LANGUAGES).toContainEqual({ value: "en", label: "English (en)" });
    expect(CAPTION_LANGUAGES).toContainEqual({
      value: "pt-BR",
      label: "Brazilian Portuguese (pt-BR)",
    });
    expect(new Set(CAPTION_LANGUAGES.map((l) => l.value)).size).toBe(CAPTION_LANGUAGES.length);
  });

  it("suggests a label in the captions' own language, capitalised", () => {
    expect(defaultCaptionLabel("fr")).toBe("Français");
    expect(defaultCaptionLabel("de")).toBe("Deutsch");
    expect(defaultCaptionLabel("en")).toBe("English");
  });
});
