import { defineConfig } from "@lingui/conf";
import { formatter } from "@lingui/format-po";

/**
 * The SPA's message catalogs (ADR 0028). English is the source, written in the code through
 * Lingui's macros; `pnpm --filter @lumen/web i18n:extract` writes the catalogs.
 *
 * One catalog per route folder (`src/locales/<locale>/<folder>.po`) plus `app.po` for the shell,
 * components and lib: the translators' unit of work, and files that parallel work on different
 * areas never both edit. At run time a language's catalogs load together, lazily.
 * `pseudo` is pseudo-localisation (accented English), compiled from the source: the browser
 * suite runs the app in it to find text that bypasses the catalog.
 */
export default defineConfig({
  sourceLocale: "en",
  locales: ["en", "es", "ar", "pseudo"],
  pseudoLocale: "pseudo",
  fallbackLocales: { default: "en" },
  catalogs: [
    {
      path: "<rootDir>/src/locales/{locale}/{name}",
      include: ["<rootDir>/src/routes/{name}/"],
      exclude: ["**/*.test.*", "<rootDir>/src/routes/teach/editor/**"],
    },
    // The course editor is most of the instructor's strings: a catalog of its own.
    {
      path: "<rootDir>/src/locales/{locale}/teach-editor",
      include: ["<rootDir>/src/routes/teach/editor/"],
      exclude: ["**/*.test.*"],
    },
    {
      path: "<rootDir>/src/locales/{locale}/app",
      include: [
        "<rootDir>/src/components/",
        "<rootDir>/src/lib/",
        "<rootDir>/src/*.tsx",
        "<rootDir>/src/routes/*.tsx",
      ],
      exclude: ["**/*.test.*"],
    },
  ],
  // Origins without line numbers and a fixed creation date: an extract rewrites only the
  // catalogs whose messages changed, so work on different folders merges cleanly.
  format: formatter({
    lineNumbers: false,
    customHeaderAttributes: { "POT-Creation-Date": "2026-12-07 00:00+0000" },
  }),
  orderBy: "message",
});
