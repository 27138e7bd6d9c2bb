/**
 * The UI primitives in a real browser, on their gallery page (ui-gallery.html under Vite):
 * each look is owned once, so an inline badge and a removable tag on the same page keep their
 * own styles whatever loaded first (with global sheets, `.tag` meant one or the other), a busy
 * button looks busy without any learner page having loaded, and every variant passes axe in
 * both colour schemes.
 */
import { fileURLToPath } from "node:url";
import { freePort } from "@lumen/tools/net";
import type { Browser, Locator, Page } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";

const webDir = fileURLToPath(new URL("..", import.meta.url));
let server: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  const port = await freePort();
  [server, browser] = await Promise.all([
    createServer({
      root: webDir,
      logLevel: "warn",
      server: { host: "127.0.0.1", port, strictPort: true },
    }),
    launchBrowser(),
  ]);
  await server.listen();
  url = `http://127.0.0.1:${port}/ui-gallery.html`;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const style = (locator: Locator, property: string) =>
  locator.evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);
const classes = async (locator: Locator) =>
  new Set(((await locator.getAttribute("class")) ?? "").split(" "));

async function open(colorScheme: "light" | "dark"): Promise<Page> {
  const page = await browser.newPage({ colorScheme });
  page.setDefaultTimeout(30_000);
  await page.goto(url);
  await page.getByRole("heading", { level: 1, name: "UI primitives" }).waitFor();
  return page;
}

describe.each(["light", "dark"] as const)("in the %s scheme", (scheme) => {
  it("every primitive passes axe (contrast included)", async () => {
    const page = await open(scheme);
    const background = await style(page.locator("body"), "background-color");
    expect(background).toBe(scheme === "dark" ? "rgb(14, 19, 26)" : "rgb(246, 247, 249)");
    await expectAccessible(page, `the UI primitives, ${scheme}`);
    await page.close();
  });
});

it("an inline badge and a removable tag on one page each keep their own look", async () => {
  const page = await open("light");
  const badge = page.getByLabel("Badges").getByText("Optional", { exact: true });
  const tag = page.getByRole("list", { name: "Current tags" }).getByRole("listitem");
  await tag.getByRole("button", { name: "Remove tag origami" }).waitFor();
  // No class in common: neither can restyle the other, whichever stylesheet came first.
  const tagClasses = await classes(tag);
  expect([...(await classes(badge))].filter((name) => tagClasses.has(name))).toEqual([]);
  expect(await style(badge, "font-size")).toBe("12px");
  expect(await style(badge, "border-radius")).toBe("999px");
  expect(await style(badge, "background-color")).toBe("rgb(238, 240, 243)");
  expect(await style(tag, "font-size")).toBe("14px");
  expect(await style(tag, "background-color")).toBe("rgb(232, 239, 253)");
  await page.close();
});

it("a busy (aria-disabled) button shows progress on a page without any learner code", async () => {
  const page = await open("light");
  const busy = page.getByRole("button", { name: "Saving…" });
  expect(await busy.getAttribute("aria-disabled")).toBe("true");
  expect(await style(busy, "cursor")).toBe("progress");
  expect(await style(busy, "opacity")).toBe("0.7");
  await page.close();
});
