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
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterEach((ctx) => reportFailure(ctx.task.result?.state === "fail", browser, stack));

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

const EMAIL = "graduate@lumen.dev";

/** Signs in and waits until the header shows the signed-in user. */
async function signInAs(email: string, password: string) {
  await signIn(page, email, password);
  await page.getByRole("link", { name: "Email settings" }).waitFor();
}
const PASSWORD = "lumen-graduate-dev";

it("a learner asks for deletion, is signed out, signs in to a banner and cancels it", async () => {
  await page.goto(`${stack.webUrl}/sign-in`);
  await signInAs(EMAIL, PASSWORD);
  await page.goto(`${stack.webUrl}/settings/privacy`);
  const section = page.getByRole("region", { name: "Delete your account" });
  await section.getByText("withdrawn").waitFor();
  await expectAccessible(page, "privacy, delete account");

  // A wrong password is refused in place, by keyboard alone.
  await section.getByLabel("Your password").fill("not my password");
  await section.getByLabel("Your password").press("Enter");
  await section.getByText("That is not your current password.").waitFor();
  await expectAccessible(page, "privacy, wrong password");

  await section.getByLabel("Your password").fill(PASSWORD);
  await section.getByRole("button", { name: "Delete my account" }).click();
  // Every session ends with the request: the page sends us to sign in.
  await signInAs(EMAIL, PASSWORD);

  const banner = page.getByRole("region", { name: "Account deletion" });
  await banner.getByText("scheduled for deletion").waitFor();
  await expectAccessible(page, "pending deletion banner");
  await page.goto(`${stack.webUrl}/settings/privacy`);
  await page.getByRole("region", { name: "Delete your account" }).getByText("Until then").waitFor();
  await expectAccessible(page, "privacy, deletion pending");

  await banner.getByRole("button", { name: "Cancel deletion" }).focus();
  await page.keyboard.press("Enter");
  await banner.waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Delete my account" }).waitFor();
  expect(await page.getByRole("region", { name: "Account deletion" }).count()).toBe(0);
});

it("an admin sees retirement states without whose they are; others are refused", async () => {
  await context.clearCookies();
  await page.goto(`${stack.webUrl}/sign-in`);
  await signInAs("admin@lumen.dev", "lumen-admin-dev");
  await page.goto(`${stack.webUrl}/admin/retirements`);
  await page.getByRole("heading", { level: 1, name: "Account retirements" }).waitFor();
  const row = page.getByRole("row").filter({ hasText: "Cancelled" });
  await row.waitFor();
  expect(await page.locator("main").textContent()).not.toContain(EMAIL);
  await expectAccessible(page, "admin retirements");

  await context.clearCookies();
  await page.goto(`${stack.webUrl}/sign-in`);
  await signInAs("learner@lumen.dev", "lumen-learner-dev");
  await page.goto(`${stack.webUrl}/admin/retirements`);
  await page.getByRole("heading", { name: "Admins only" }).waitFor();
  await expectAccessible(page, "admin retirements refused");
});
