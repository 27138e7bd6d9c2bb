import { describe, expect, it } from "vitest";
import { captionLanguages, defaultCaptionLabel } from "./caption-languages";

describe("caption languages", () => {
  it("offers common BCP 47 tags named in the interface's language", () => {
    const english = captionLanguages("en");
    expect(english).toContainEqual({ value: "en", label: "English (en)" });
    expect(english).toContainEqual({ value: "pt-BR", label: "Brazilian Portuguese (pt-BR)" });
    expect(new Set(english.map((l) => l.value)).size).toBe(english.length);
    expect(captionLanguages("es")).toContainEqual({ value: "en", label: "inglés (en)" });
  });

  it("suggests a label in the captions' own language, capitalised", () => {
    expect(defaultCaptionLabel("fr")).toBe("Français");
    expect(defaultCaptionLabel("de")).toBe("Deutsch");
    expect(defaultCaptionLabel("en")).toBe("English");
  });
});
