import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyTheme, parseThemeChoice, THEME_STORAGE_KEY } from "./theme";

describe("theme choice", () => {
  it("is the system's scheme unless light or dark was stored", () => {
    expect(parseThemeChoice(null)).toBe("system");
    expect(parseThemeChoice("sepia")).toBe("system");
    expect(parseThemeChoice("dark")).toBe("dark");
    expect(parseThemeChoice("light")).toBe("light");
  });

  it("pins light or dark on the root element, and lets go of it for the system's", () => {
    const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
    applyTheme("dark", root);
    expect(root.dataset.theme).toBe("dark");
    applyTheme("system", root);
    expect(root.dataset.theme).toBeUndefined();
  });

  it("is read before the first paint by public/theme.js under the same key", () => {
    const script = readFileSync(new URL("../../public/theme.js", import.meta.url), "utf8");
    expect(script).toContain(`localStorage.getItem("${THEME_STORAGE_KEY}")`);
    expect(script).toContain("document.documentElement.dataset.theme");
  });
});
