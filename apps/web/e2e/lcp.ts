/**
 * Largest Contentful Paint of the production build, for `pnpm bench spa` (bench/spa.ts reads
 * the JSON this writes and reports it):
 *   (in apps/web) tsx e2e/lcp.ts [--runs 5] --out result.json
 * Builds the app, starts a stack (stack.ts: seeded database, real API, `vite preview` with the
 * production headers) and, in headless Chromium (browser.ts), cold-loads each page `runs` times
 * in a new browser context (empty cache, no service worker): the catalog and a course page as a
 * visitor, a lesson page as a signed-in, enrolled learner (the session cookie is the only state
 * carried over). Per load: LCP (PerformanceObserver `largest-contentful-paint`, read once the
 * page has settled) and the JS fetched before it (gzipped at level 9, as the bundle test counts);
 * once per build, the initial JS: what index.html loads up front (its module script and
 * modulepreloads), the budget of DESIGN §5.
 * The floor: the build's own index.html and stylesheets with its module scripts removed and a heading
 * in #root, served by the same server: the paint the browser manages without any app code.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "playwright-core";
import { signIn } from "./authoring-steps";
import { launchBrowser } from "./browser";
import { initialJsFiles, readManifest } from "./manifest";
import { buildWeb, PREBUILT_WEB_ENV, startStack } from "./stack";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, out: { type: "string" } },
});
const runs = Number(values.runs);
if (!values.out || !(runs > 0)) {
  console.error("usage (in apps/web): tsx e2e/lcp.ts [--runs 5] --out result.json");
  process.exit(2);
}

export interface PageLoad {
  lcpMs: number;
  /** What the LCP element was, e.g. `H1 "Introduction to Data"`. */
  element: string;
  /** Gzipped bytes of the JS requested before LCP. */
  jsGzipBytes: number;
  jsFiles: number;
  /** The largest of those files: path and gzipped bytes. */
  largest: Array<{ path: string; gzipBytes: number }>;
}

export interface LcpResult {
  /** Gzipped bytes of index.html's up-front JS, and how many files. */
  initialJs: { gzipBytes: number; files: number };
  pages: Array<{ name: string; path: string; loads: PageLoad[] }>;
  floor: { name: string; path: string; loads: PageLoad[] };
}

/** The page's app-free twin: same HTML head and CSS, no script, one heading to paint. */
const FLOOR_PAGE = "lcp-floor.html";

async function writeFloorPage(outDir: string) {
  const html = await readFile(join(outDir, "index.html"), "utf8");
  const withoutScripts = html
    .replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link rel="modulepreload"[^>]*>/g, "")
    .replace('<div id="root"></div>', '<div id="root"><h1>Find your next course</h1></div>');
  await writeFile(join(outDir, FLOOR_PAGE), withoutScripts);
}

const outDir = await mkdtemp(join(tmpdir(), "lumen-lcp-build-"));
await buildWeb(outDir);
await writeFloorPage(outDir);
process.env[PREBUILT_WEB_ENV] = outDir;
const [stack, browser] = await Promise.all([startStack({ jobs: false }), launchBrowser()]);
const gzipCache = new Map<string, number>();

try {
  const { coursePath, lessonPath, learnerState } = await discoverPages(browser);
  const loadsOf = async (
    path: string,
    state?: Awaited<ReturnType<BrowserContext["storageState"]>>,
  ) => {
    const loads: PageLoad[] = [];
    for (let i = 0; i < runs; i++) loads.push(await coldLoad(browser, path, state));
    return loads;
  };
  // Round-robin would mix warm server caches evenly; pages are few, so each runs in turn after
  // one unmeasured load that warms the server (API plans, vite preview's file reads).
  const plan = [
    { name: "catalog", path: "/" },
    { name: "course", path: coursePath },
    { name: "lesson", path: lessonPath, state: learnerState },
  ];
  const result: LcpResult = {
    initialJs: await initialJsOf(outDir),
    pages: [],
    floor: { name: "static shell (floor)", path: `/${FLOOR_PAGE}`, loads: [] },
  };
  await coldLoad(browser, result.floor.path);
  result.floor.loads = await loadsOf(result.floor.path);
  for (const page of plan) {
    await coldLoad(browser, page.path, page.state);
    result.pages.push({
      name: page.name,
      path: page.path,
      loads: await loadsOf(page.path, page.state),
    });
    console.log(`${page.name}: ${runs} cold loads done`);
  }
  await writeFile(values.out, `${JSON.stringify(result, null, 2)}\n`);
} catch (error) {
  console.error(stack.logs());
  throw error;
} finally {
  await browser.close();
  await stack.close();
  await rm(outDir, { recursive: true, force: true });
}

/** A course page and a lesson page of it, with a learner enrolled in it (as the UI does it). */
async function discoverPages(b: Browser) {
  const context = await b.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, "learner@lumen.dev", "lumen-learner-dev");
  await page.getByRole("link", { name: "My learning" }).first().waitFor();
  await page.goto(`${stack.webUrl}/`);
  await page.getByRole("article").first().getByRole("heading").getByRole("link").click();
  await page.getByRole("heading", { name: "Course outline" }).waitFor();
  const coursePath = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  await page.getByRole("heading", { name: "You're enrolled" }).waitFor();
  await page.goto(`${stack.webUrl}${coursePath}/learn`);
  await page.waitForURL(/\/lessons\//);
  const lessonPath = new URL(page.url()).pathname;
  const learnerState = await context.storageState();
  await context.close();
  return { coursePath, lessonPath, learnerState };
}

async function coldLoad(
  b: Browser,
  path: string,
  state?: Awaited<ReturnType<BrowserContext["storageState"]>>,
): Promise<PageLoad> {
  // A new context: empty HTTP cache, no service worker, only the session cookie if given.
  const context = await b.newContext({
    ...(state ? { storageState: state } : {}),
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}${path}`, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    // LCP candidates stop once the page is settled; the last one reported is the page's LCP.
    const measured = await page.evaluate(
      () =>
        new Promise<{ lcp: number; element: string; js: Array<{ url: string; start: number }> }>(
          (resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries() as Array<
                PerformanceEntry & { element?: Element | null }
              >;
              const last = entries[entries.length - 1];
              const el = last?.element;
              const text = (el?.textContent ?? "").trim().slice(0, 40);
              const js = performance
                .getEntriesByType("resource")
                .filter((r) => /\.m?js(\?|$)/.test(r.name))
                .map((r) => ({ url: r.name, start: r.startTime }));
              resolve({
                lcp: last?.startTime ?? Number.NaN,
                element: el ? `${el.tagName} "${text}"` : "?",
                js,
              });
            }).observe({ type: "largest-contentful-paint", buffered: true });
          },
        ),
    );
    const before = measured.js.filter((r) => r.start <= measured.lcp);
    const sizes = [];
    for (const { url } of before)
      sizes.push({ path: new URL(url).pathname, gzipBytes: await gzippedSize(url) });
    const jsGzipBytes = sizes.reduce((sum, f) => sum + f.gzipBytes, 0);
    const largest = sizes.sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 6);
    return {
      lcpMs: measured.lcp,
      element: measured.element,
      jsGzipBytes,
      jsFiles: before.length,
      largest,
    };
  } finally {
    await context.close();
  }
}

/** index.html's module script and modulepreloads, gzipped as the bundle test counts them. */
async function initialJsOf(dir: string): Promise<LcpResult["initialJs"]> {
  const files = initialJsFiles(await readManifest(dir), "index.html");
  let gzipBytes = 0;
  for (const file of files)
    gzipBytes += gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
  return { gzipBytes, files: files.length };
}

async function gzippedSize(url: string): Promise<number> {
  const known = gzipCache.get(url);
  if (known !== undefined) return known;
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  const size = gzipSync(body, { level: 9 }).length;
  gzipCache.set(url, size);
  return size;
}
