import { basename } from "node:path";
import { getCatalogs } from "@lingui/cli/api";
import { getConfig } from "@lingui/conf";
import { describe, expect, it } from "vitest";
import { catalogProblems } from "./catalog-problems";

const TRANSLATED = ["es", "ar"];

describe("catalog problems", () => {
  const extracted = { a1: { message: "Save" }, b2: { message: "Cancel" } };

  it("a message in the code that a catalog lacks fails, naming it", () => {
    const committed = { es: { a1: { translation: "Guardar" } } };
    expect(catalogProblems("app", extracted, committed, TRANSLATED)).toEqual([
      'es/app: missing "Cancel" (run i18n:extract)',
    ]);
  });

  it("an empty Spanish or Arabic translation fails; English and pseudo need none", () => {
    const committed = {
      en: { a1: { translation: "" }, b2: { translation: "" } },
      ar: { a1: { translation: "حفظ" }, b2: { translation: " " } },
    };
    expect(catalogProblems("app", extracted, committed, TRANSLATED)).toEqual([
      'ar/app: "Cancel" is not translated',
    ]);
  });
});

describe("the SPA's committed catalogs", () => {
  it("hold every message the code has, translated in Spanish and Arabic", async () => {
    // Lingui's own extraction over the sources, as `pnpm i18n:extract` runs it, in memory.
    const config = getConfig({ cwd: `${import.meta.dirname}/../..` });
    const problems: string[] = [];
    for (const catalog of await getCatalogs(config)) {
      const extracted = await catalog.collect();
      if (!extracted) throw new Error(`extraction failed for ${catalog.path}`);
      const committed = await catalog.readAll(config.locales);
      problems.push(...catalogProblems(basename(catalog.path), extracted, committed, TRANSLATED));
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
