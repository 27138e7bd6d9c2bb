import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { type Stack, startStack } from "./stack";

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ courses: 1 }), launchBrowser()]);
  context = await browser.newContext();
  // The Copy button writes the clipboard; the test reads it back.
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: stack.webUrl,
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});

afterEach((ctx) => reportFailure(ctx.task.result?.state === "fail", browser, stack));

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

/** Tabs until `name`'s button has focus: the keyboard path a mouse-less user takes. */
async function tabTo(name: string) {
  const button = page.getByRole("button", { name, exact: true });
  for (let i = 0; i < 40; i++) {
    if (await button.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached the ${name} button`);
}

it("a learner creates a read key with the keyboard, sees its token once, and revokes it", async () => {
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, "learner@lumen.dev", "lumen-learner-dev");
  await page.getByRole("link", { name: "API keys" }).first().click();
  await page.getByRole("heading", { level: 1, name: "API keys" }).waitFor();
  await page.getByRole("heading", { name: "No keys yet" }).waitFor();
  await expectAccessible(page, "API keys, none yet");
  const docs = page.getByRole("link", { name: "API reference" });
  expect(await docs.getAttribute("href")).toBe(`${stack.webUrl}/api/v1/docs`);

  // Keyboard only: type a name, keep "Read", Tab to the button, Enter.
  await page.getByLabel("Name").focus();
  await page.keyboard.type("Reporting");
  expect(await page.getByRole("radio", { name: /^Read GET/ }).isChecked()).toBe(true);
  await tabTo("Create key");
  await page.keyboard.press("Enter");

  const reveal = page.getByRole("dialog", { name: "Your new key “Reporting”" });
  await reveal.waitFor();
  await reveal.getByText("you will not see it again").waitFor();
  const token = await reveal.getByLabel("API key").inputValue();
  expect(token).toMatch(/^lmn_[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page, "API keys, new token dialog");
  await reveal.getByRole("button", { name: "Copy" }).click();
  await reveal.getByRole("status").filter({ hasText: "Copied" }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await page.keyboard.press("Escape");
  await reveal.waitFor({ state: "detached" });

  // The list shows the key by its prefix, never the token, here or after a reload.
  const row = page.getByRole("row", { name: /Reporting/ });
  await row.getByText("Active").waitFor();
  expect(await row.getByRole("cell").allInnerTexts()).toEqual(
    expect.arrayContaining(["Read", "Never used", `${token.slice(0, 12)}…`]),
  );
  expect(await page.content()).not.toContain(token);
  await page.reload();
  await row.getByText("Active").waitFor();
  expect(await page.content()).not.toContain(token);
  await expectAccessible(page, "API keys, one key");

  // Revoke with the keyboard: the row's button, then the dialog's (focused when it opens).
  await page.getByRole("button", { name: "Revoke Reporting" }).focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Revoke “Reporting”?" });
  await confirm.waitFor();
  await expectAccessible(page, "API keys, revoke dialog");
  await tabTo("Revoke key");
  await page.keyboard.press("Enter");
  await confirm.waitFor({ state: "detached" });
  await row.getByText("Revoked").waitFor();
  expect(await page.getByRole("button", { name: "Revoke Reporting" }).count()).toBe(0);
});
