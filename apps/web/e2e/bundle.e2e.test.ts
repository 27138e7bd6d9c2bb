/**
 * What must stay out of the SPA's initial JS (DESIGN §5: ≤ 150 KiB gzipped, ADR 0021): the
 * Markdown renderer (markdown-it) loads with the routes that show Markdown, the code
 * highlighter is a lazy chunk of its own, fetched only for a fenced block with a language,
 * zod comes with the pages that validate forms, and live updates read server-sent events
 * without tRPC's stream machinery (lib/sse-subscription.ts). Of the message catalogs only
 * English `app` may be in it: every other language's loads lazily (ADR 0028, 0031).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { formatter } from "@lingui/format-po";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialChunks, initialJsFiles, type Manifest, readManifest } from "./manifest";
import { buildWeb, PREBUILT_WEB_ENV } from "./stack";

/** Text only markdown-it's and highlight.js's code carry. */
const MARKDOWN_IT = /markdown-it|linkify|Zero-width joiner/i;
const HIGHLIGHT_JS = /hljs-|highlightAuto|registerLanguage/;
/** zod's error class and tRPC's SSE consumer: forms and live updates load them later. */
const ZOD = /\$ZodType|ZodError/;
const TRPC_SSE = /httpSubscriptionLink only supports subscriptions/;
/** recharts' own class names: the instructor dashboard's chart library. */
const RECHARTS = /recharts-surface|recharts-cartesian-axis/;
const ANALYTICS_PAGE = "src/routes/teach/analytics/AnalyticsPage.tsx";
/** A catalog's manifest key: `src/locales/<language>/<name>.po`. */
const CATALOG = /^src\/locales\/([^/]+)\/([^/]+)\.po$/;
/** DESIGN §5: the SPA's initial JS, gzipped. */
const INITIAL_JS_BUDGET = 150 * 1024;

let outDir: string;
let ownBuild: string | null = null;
let manifest: Manifest;

beforeAll(async () => {
  // The e2e project builds once for every file (build-once.ts); run alone, build here.
  outDir = process.env[PREBUILT_WEB_ENV] ?? "";
  if (!outDir) {
    ownBuild = await mkdtemp(join(tmpdir(), "lumen-bundle-e2e-"));
    await buildWeb(ownBuild);
    outDir = ownBuild;
  }
  manifest = await readManifest(outDir);
}, 120_000);

afterAll(async () => {
  if (ownBuild) await rm(ownBuild, { recursive: true, force: true });
});

const js = (file: string) => readFile(join(outDir, file), "utf8");
const initialFiles = (page: string) => initialJsFiles(manifest, page);

describe("the production build", () => {
  it("keeps the Markdown renderer and the highlighter out of the initial JS", async () => {
    for (const file of initialFiles("index.html")) {
      const code = await js(file);
      expect(MARKDOWN_IT.test(code), `${file} has markdown-it`).toBe(false);
      expect(HIGHLIGHT_JS.test(code), `${file} has highlight.js`).toBe(false);
    }
  });

  it("keeps zod and tRPC's SSE consumer out of the initial JS, which fits its budget", async () => {
    let gzipped = 0;
    for (const file of initialFiles("index.html")) {
      const code = await js(file);
      expect(ZOD.test(code), `${file} has zod`).toBe(false);
      expect(TRPC_SSE.test(code), `${file} has tRPC's SSE consumer`).toBe(false);
      gzipped += gzipSync(code, { level: 9 }).length;
    }
    expect(gzipped).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });

  it("puts the highlighter in a lazy chunk of its own, apart from the renderer", async () => {
    const highlighter = manifest["src/components/markdown/highlight.ts"];
    expect(highlighter?.isDynamicEntry).toBe(true);
    expect(HIGHLIGHT_JS.test(await js(highlighter?.file ?? ""))).toBe(true);
    const renderer = Object.values(manifest).find(
      (chunk) => chunk.file.includes("Markdown-") && chunk.file.endsWith(".js"),
    );
    expect(renderer).toBeDefined();
    const rendererCode = await js(renderer?.file ?? "");
    expect(MARKDOWN_IT.test(rendererCode)).toBe(true);
    expect(HIGHLIGHT_JS.test(rendererCode)).toBe(false);
  });

  it("loads the chart library only with the instructor dashboard, not with any other page", async () => {
    for (const file of initialFiles("index.html"))
      expect(RECHARTS.test(await js(file)), `${file} has recharts`).toBe(false);
    const dashboard = await Promise.all(initialFiles(ANALYTICS_PAGE).map(js));
    expect(dashboard.some((code) => RECHARTS.test(code))).toBe(true);
    const pages = Object.entries(manifest).filter(
      ([key, chunk]) => chunk.isDynamicEntry && key !== ANALYTICS_PAGE,
    );
    for (const [key] of pages) {
      for (const file of initialFiles(key))
        expect(RECHARTS.test(await js(file)), `${key} loads recharts (${file})`).toBe(false);
    }
  });

  it("loads no Spanish or Arabic catalog with index.html: only English app's may be initial", async () => {
    // Every language's catalogs are in the build, as lazy chunks of their own.
    for (const language of ["en", "es", "ar"])
      expect(manifest[`src/locales/${language}/app.po`]?.isDynamicEntry).toBe(true);
    const initial = [...initialChunks(manifest, "index.html")];
    expect(initial.filter((key) => CATALOG.test(key) && key !== "src/locales/en/app.po")).toEqual(
      [],
    );
    // …and none of their words were bundled into an initial chunk some other way.
    const code = (await Promise.all(initialFiles("index.html").map(js))).join("\n");
    for (const language of ["es", "ar"]) {
      const words = await translatedWords(language);
      expect(words.length).toBeGreaterThan(20);
      // The words are findable as built: the language's own chunk has them.
      const own = await js(manifest[`src/locales/${language}/app.po`]?.file ?? "");
      expect(words.filter((w) => own.includes(w)).length).toBeGreaterThan(20);
      expect(
        words.filter((w) => code.includes(w)),
        `${language} words in the initial JS`,
      ).toEqual([]);
    }
  });
});

/** The `app` catalog's translations in `language` that differ from English and hold no placeholder. */
async function translatedWords(language: string): Promise<string[]> {
  const file = join(import.meta.dirname, "..", "src", "locales", language, "app.po");
  const catalog = formatter().parse(await readFile(file, "utf8"), {
    locale: language,
    sourceLocale: "en",
    filename: file,
  }) as Record<string, { message?: string; translation?: string }>;
  return Object.values(catalog)
    .map((m) => ({ english: m.message ?? "", words: m.translation ?? "" }))
    .filter(({ english, words }) => words.length >= 8 && words !== english && !/[{<]/.test(words))
    .map(({ words }) => words);
}
