/**
 * The code editor as built for production: CodeMirror stays out of every page's initial JS
 * (it is a lazy chunk), and on the UI gallery, served under the production CSP, it renders
 * styled without a single CSP violation (its styles go to a constructed stylesheet in its
 * shadow root, not an inline <style>), indents on Tab, lets keyboard users out with Escape
 * then Tab, and passes axe in both schemes.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@lumen/tools/net";
import type { Browser, Page } from "playwright-core";
import { type PreviewServer, preview } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { initialChunks, readManifest } from "./manifest";
import { buildWeb, PREBUILT_WEB_ENV } from "./stack";

const webDir = fileURLToPath(new URL("..", import.meta.url));
/** Code only CodeMirror's chunk has: its editor's class names. */
const CODEMIRROR = /cm-editor|cm-gutters|cm-activeLine/;

let outDir: string;
let ownBuild: string | null = null;
let server: PreviewServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  // The e2e project builds once for every file (build-once.ts); run alone, build here.
  outDir = process.env[PREBUILT_WEB_ENV] ?? "";
  if (!outDir) {
    ownBuild = await mkdtemp(join(tmpdir(), "lumen-code-editor-e2e-"));
    await buildWeb(ownBuild);
    outDir = ownBuild;
  }
  const port = await freePort();
  // vite.config.ts gives the preview the production headers, CSP included.
  [server, browser] = await Promise.all([
    preview({
      root: webDir,
      logLevel: "warn",
      build: { outDir },
      preview: { host: "127.0.0.1", port, strictPort: true },
    }),
    launchBrowser(),
  ]);
  url = `http://127.0.0.1:${port}/ui-gallery.html`;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (ownBuild) await rm(ownBuild, { recursive: true, force: true });
});

describe("the build", () => {
  it("keeps CodeMirror out of every page's initial JS, in a lazy chunk of its own", async () => {
    const manifest = await readManifest(outDir);
    const js = (file: string) => readFile(join(outDir, file), "utf8");
    const initial = (key: string) => initialChunks(manifest, key);
    for (const page of ["index.html", "ui-gallery.html"]) {
      expect(manifest[page]?.isEntry, page).toBe(true);
      // index.html's module script and modulepreload links are exactly these files.
      const html = await readFile(join(outDir, page), "utf8");
      const files = [...initial(page)].map((key) => manifest[key]?.file ?? "");
      for (const file of files) {
        expect(html, `${page} loads ${file} up front`).toContain(`/${file}`);
        expect(CODEMIRROR.test(await js(file)), `${file}, loaded up front by ${page}`).toBe(false);
      }
    }
    const editor = manifest["src/components/code-editor/CodeMirrorEditor.tsx"];
    expect(editor?.isDynamicEntry).toBe(true);
    const lazy = [editor?.file ?? "", ...(editor?.imports ?? []).map((k) => manifest[k]?.file)];
    const withCodeMirror = [];
    for (const file of lazy) if (file && CODEMIRROR.test(await js(file))) withCodeMirror.push(file);
    expect(withCodeMirror.length).toBeGreaterThan(0);
  });
});

/** Chromium reports every CSP violation on the console ("Refused to …"). */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function open(colorScheme: "light" | "dark") {
  const page = await browser.newPage({ colorScheme });
  page.setDefaultTimeout(30_000);
  const violations = watchViolations(page);
  const response = await page.goto(url);
  expect(response?.headers()["content-security-policy"]).toMatch(/style-src 'self'(;|$)/);
  await page.getByRole("heading", { level: 1, name: "UI primitives" }).waitFor();
  // Playwright's CSS locators pierce the editor's (open) shadow root.
  const editor = page.locator("#answer.cm-content");
  await editor.waitFor();
  return { page, violations, editor };
}

it("types, indents with Tab, lets focus out with Escape then Tab, and resets undoably", async () => {
  const { page, violations, editor } = await open("light");
  const frame = page.locator(".cm-editor").first();
  // CodeMirror's own styles and our theme apply (unstyled, .cm-editor is a plain block).
  expect(await frame.evaluate((el) => getComputedStyle(el).display)).toBe("flex");
  expect(await frame.evaluate((el) => getComputedStyle(el).borderRadius)).toBe("8px");
  expect(await editor.getAttribute("aria-label")).toBe("Your answer");

  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("print(greet('Ada'))");
  await page.keyboard.press("Home");
  await page.keyboard.press("Tab");
  expect(await editor.evaluate((el) => el.getRootNode() instanceof ShadowRoot)).toBe(true);
  const focusedInEditor = () =>
    editor.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);
  expect(await focusedInEditor()).toBe(true);
  // An empty line's text is its <br>'s "\n".
  const lines = async () =>
    (await page.locator("#answer .cm-line").allInnerTexts()).map((line) => line.replace(/\n$/, ""));
  expect((await lines()).at(-1)).toBe("    print(greet('Ada'))");

  // Line numbers, and a keyword highlighted in the theme's keyword colour.
  const numbers = await page
    .locator(".cm-editor")
    .first()
    .locator(".cm-lineNumbers .cm-gutterElement")
    .allInnerTexts();
  expect(numbers).toEqual(expect.arrayContaining(["1", "2", "3", "4"]));
  const def = page.locator("#answer .cm-line span[class]", { hasText: /^def$/ }).first();
  expect(await def.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(29, 78, 216)");
  expect(await def.evaluate((el) => getComputedStyle(el).fontWeight)).toBe("600");

  // Tab indents inside; Escape then Tab moves on to the next control.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  expect(await focusedInEditor()).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
    "Reset to starter code",
  );

  // "Reset to starter code" replaces the text as one edit the learner can undo.
  await page.keyboard.press("Enter");
  const starter = ["def greet(name):", '    """Say hello."""', '    return "Hello, " + name', ""];
  await expect.poll(lines).toEqual(starter);
  await editor.focus();
  await page.keyboard.press("Control+z");
  expect(await lines()).toEqual([...starter.slice(0, 3), "    print(greet('Ada'))"]);

  // Switching the language re-highlights: "def" is no keyword in JavaScript.
  await page.getByRole("button", { name: "Language: python" }).click();
  await expect.poll(() => def.count()).toBe(0);
  expect(await editor.getAttribute("aria-label")).toBe("Your answer");

  // The read-only reference solution takes no typing.
  const solution = page.locator("#solution.cm-content");
  expect(await solution.getAttribute("aria-readonly")).toBe("true");
  await solution.click();
  await page.keyboard.type("oops");
  expect(await solution.textContent()).not.toContain("oops");

  expect(violations).toEqual([]);
  await page.close();
});

it("takes over from the stand-in textarea with what the learner typed, caret and focus", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  const violations = watchViolations(page);
  // Hold CodeMirror's chunk back, as a slow network would.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/CodeMirrorEditor-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url);
  const textarea = page.locator("textarea#answer");
  expect(await textarea.getAttribute("aria-label")).toBe("Your answer");
  await textarea.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("x = 1");
  release();
  const editor = page.locator("#answer.cm-content");
  await editor.waitFor();
  expect(await editor.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(
    true,
  );
  await page.keyboard.type("2");
  expect((await page.locator("#answer .cm-line").allInnerTexts()).at(-1)).toBe("x = 12");
  expect(violations).toEqual([]);
  await page.close();
});

it("is described by its keyboard hint and the exercise's instructions", async () => {
  const { page } = await open("light");
  // What assistive technology gets: Chromium's accessibility tree, across the shadow root.
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodes } = await cdp.send("Accessibility.queryAXTree", {
    nodeId: root.nodeId,
    accessibleName: "Your answer",
    role: "textbox",
  });
  expect(nodes.map((node) => node.description?.value)).toEqual([
    "Tab indents. To leave the editor, press Escape, then Tab. Write a function that greets someone by name.",
  ]);
  await page.close();
});

describe.each(["light", "dark"] as const)("in the %s scheme", (scheme) => {
  it("the editors pass axe (contrast of every highlighted token included)", async () => {
    const { page, violations } = await open(scheme);
    await page.locator("#solution.cm-content").waitFor();
    await expectAccessible(page, `the code editors, ${scheme}`);
    expect(violations).toEqual([]);
    await page.close();
  });
});
