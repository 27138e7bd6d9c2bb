import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createCompiledCatalog } from "@lingui/cli/api";
import { getConfig } from "@lingui/conf";
import { formatter } from "@lingui/format-po";
import { LOCALES } from "@lumen/shared";
import { describe, expect, it } from "vitest";

/**
 * The server's message catalogs (ADR 0028): every language has every message of the English
 * source, none empty, and each committed `messages.ts` is what `pnpm i18n:compile` would write
 * from its .po file now — a missing key, an empty translation or a stale module fails here.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const config = getConfig({ configPath: join(root, "lingui.server.config.ts") });
const po = formatter({ explicitIdAsDefault: true });

function translations(dir: string, locale: string): Record<string, string> {
  const file = join(dir, locale, "messages.po");
  const catalog = po.parse(readFileSync(file, "utf8"), {
    locale,
    sourceLocale: "en",
    filename: file,
  }) as Record<string, { translation?: string }>;
  return Object.fromEntries(Object.entries(catalog).map(([id, m]) => [id, m.translation ?? ""]));
}

const catalogs = config.catalogs.map((c) => {
  const dir = c.path.replace("/{locale}/messages", "");
  return { name: relative(root, dir), dir };
});

describe.each(catalogs)("the $name catalogs", ({ dir }) => {
  const source = translations(dir, "en");

  it("have an English source with messages", () => {
    expect(Object.keys(source).length).toBeGreaterThan(0);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s translates every English message", (locale) => {
    const target = translations(dir, locale);
    const missing = Object.keys(source).filter((id) => !target[id]?.trim());
    const unknown = Object.keys(target).filter((id) => !(id in source));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  it.each([...LOCALES])("%s's compiled module is up to date with its .po file", (locale) => {
    const { source: compiled, errors } = createCompiledCatalog(locale, translations(dir, locale), {
      strict: true,
      namespace: "ts",
    });
    expect(errors.map((e) => `${e.id}: ${e.error.message}`)).toEqual([]);
    expect(readFileSync(join(dir, locale, "messages.ts"), "utf8")).toBe(compiled);
  });
});
