import { unsubscribeToken } from "@lumen/core/email";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { E2E_EMAIL_TOKEN_SECRET } from "./processes";
import { type Stack, startStack } from "./stack";

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ courses: 1 }), launchBrowser()]);
  // A browser in New York: the page proposes its zone until the learner saves one.
  context = await browser.newContext({ timezoneId: "America/New_York", locale: "en-US" });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});

afterEach((ctx) => reportFailure(ctx.task.result?.state === "fail", browser, stack));

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

const group = (name: string) => page.getByRole("group", { name });

it("a learner changes an email preference with the keyboard, and it is kept; zone and language link to the profile", async () => {
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, "learner@lumen.dev", "lumen-learner-dev");
  await page.getByRole("link", { name: "Email settings" }).click();
  await page.getByRole("heading", { level: 1, name: "Email notifications" }).waitFor();
  await expectAccessible(page, "email settings");

  // Defaults: replies to my threads right away, followed threads in the daily digest.
  const followed = group("Replies in threads I follow");
  expect(await group("Replies to my threads").getByLabel("Right away").isChecked()).toBe(true);
  expect(await followed.getByLabel("Daily digest").isChecked()).toBe(true);
  // Language and time zone are the profile's (one place sets them); this page links there.
  expect(await page.getByLabel("Time zone").count()).toBe(0);
  await page.getByRole("link", { name: "profile", exact: true }).waitFor();

  // Keyboard only: into the group, arrow to "Off", then to the button and Enter.
  await followed.getByLabel("Daily digest").focus();
  await page.keyboard.press("ArrowRight");
  expect(await followed.getByLabel("Off").isChecked()).toBe(true);
  const save = page.getByRole("button", { name: "Save settings" });
  while (!(await save.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  await expectAccessible(page, "email settings, saved");

  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Email notifications" }).waitFor();
  await followed.getByLabel("Off").waitFor();
  expect(await followed.getByLabel("Off").isChecked()).toBe(true);
  expect(await group("Replies to my threads").getByLabel("Right away").isChecked()).toBe(true);

  // The profile proposes this browser's zone until the learner saves one.
  await page.getByRole("link", { name: "profile", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Profile" }).waitFor();
  expect(await page.getByLabel("Time zone").inputValue()).toBe("America/New_York");
});

it("an unsubscribe link with a forged token says so and changes nothing", async () => {
  await page.goto(`${stack.webUrl}/unsubscribe?token=forged.token-value`);
  await page.getByRole("heading", { level: 1, name: "Unsubscribe" }).waitFor();
  await expectAccessible(page, "unsubscribe");
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await page.getByRole("alert").filter({ hasText: "This unsubscribe link is not valid" }).waitFor();
  await expectAccessible(page, "unsubscribe, refused");
  await page.goto(`${stack.webUrl}/settings/notifications`);
  await page.getByRole("heading", { level: 1, name: "Email notifications" }).waitFor();
  expect(await group("Replies in threads I follow").getByLabel("Off").isChecked()).toBe(true);
  expect(await group("Mentions").getByLabel("Right away").isChecked()).toBe(true);
});

it("an email's unsubscribe link turns one kind off without signing in, and undo restores it", async () => {
  const session = await page.request.get(`${stack.webUrl}/api/auth/get-session`);
  const { user } = (await session.json()) as { user: { id: string } };
  const token = unsubscribeToken(E2E_EMAIL_TOKEN_SECRET, user.id, "forum_mention");
  // A fresh browser: the link works for someone who is not signed in.
  const guest = await browser.newContext();
  const mailPage = await guest.newPage();
  await mailPage.goto(`${stack.webUrl}/unsubscribe?token=${token}`);
  await mailPage.getByRole("button", { name: "Unsubscribe" }).click();
  await mailPage
    .getByRole("status")
    .filter({ hasText: "We will no longer send you email about mentions." })
    .waitFor();
  await expectAccessible(mailPage, "unsubscribed");

  await page.goto(`${stack.webUrl}/settings/notifications`);
  await page.getByRole("heading", { level: 1, name: "Email notifications" }).waitFor();
  expect(await group("Mentions").getByLabel("Off").isChecked()).toBe(true);

  await mailPage.getByRole("button", { name: "Undo" }).click();
  await mailPage.getByRole("status").filter({ hasText: "Undone" }).waitFor();
  await guest.close();
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Email notifications" }).waitFor();
  await group("Mentions").getByLabel("Right away").waitFor();
  expect(await group("Mentions").getByLabel("Right away").isChecked()).toBe(true);
});
