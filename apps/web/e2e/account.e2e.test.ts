import { firstLink, startMailbox } from "@lumen/tools/mailbox";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { type Stack, startStack } from "./stack";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let stack: Stack;
let browser: Browser;
let page: Page;

const EMAIL = "learner@lumen.dev";
const NEW_PASSWORD = "harbour-lantern-quiet-93";

beforeAll(async () => {
  // The API mails this file's own SMTP server, so the test reads the link a person would.
  mailbox = await startMailbox();
  [stack, browser] = await Promise.all([
    startStack({ courses: 1, smtpUrl: mailbox.url }),
    launchBrowser(),
  ]);
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
});

afterEach((ctx) => reportFailure(ctx.task.result?.state === "fail", browser, stack));

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await mailbox?.close();
});

const heading = (name: string) => page.getByRole("heading", { level: 1, name });

it("a learner who forgot their password resets it from the mailed link and signs in", async () => {
  await page.goto(`${stack.webUrl}/sign-in`);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await heading("Reset your password").waitFor();
  await expectAccessible(page, "forgot password");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByRole("button", { name: "Send the link" }).click();
  await heading("Check your inbox").waitFor();

  const mail = await mailbox.waitFor(EMAIL, { subject: /reset/i, timeoutMs: 30_000 });
  await page.goto(firstLink(mail).href);
  await heading("Choose a new password").waitFor();
  await expectAccessible(page, "reset password");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await heading("Password changed").waitFor();

  await page.getByRole("link", { name: "Sign in with your new password" }).click();
  await signIn(page, EMAIL, NEW_PASSWORD);
  // Signed in: the header offers the settings.
  await page.getByRole("link", { name: "Email settings" }).waitFor();
});

it("a profile change is still there after a reload; its language switches the page at once", async () => {
  await page.goto(`${stack.webUrl}/settings/profile`);
  await heading("Profile").waitFor();
  await expectAccessible(page, "profile");
  await page.getByLabel("Name on certificates").fill("Lucía Fernández");
  await page.getByRole("combobox", { name: "Language" }).selectOption("es");
  await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save profile" }).click();
  // The profile's language is the page's: Spanish without a reload, the header's menu too.
  await page.getByRole("status").filter({ hasText: "Guardado." }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
  await page.getByRole("button", { name: "Idioma", exact: true }).waitFor();

  await page.reload();
  await heading("Perfil").waitFor();
  const name = page.getByLabel("Nombre en los certificados");
  await expect.poll(() => name.inputValue()).toBe("Lucía Fernández");
  expect(await page.getByRole("combobox", { name: "Idioma" }).inputValue()).toBe("es");
  expect(await page.getByLabel("Zona horaria").inputValue()).toBe("Asia/Tokyo");
  await expectAccessible(page, "profile, in Spanish");

  // Back to English for the rest of the journey.
  await page.getByRole("combobox", { name: "Idioma" }).selectOption("en");
  await page.getByRole("button", { name: "Guardar perfil" }).click();
  await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  await heading("Profile").waitFor();
});

it("the account page's forms say what is missing, on the field, and pass axe", async () => {
  await page
    .getByRole("navigation", { name: "Settings" })
    .getByRole("link", { name: "Account" })
    .click();
  await heading("Account").waitFor();
  await expectAccessible(page, "account");
  await page.getByRole("button", { name: "Change password" }).click();
  const current = page.getByLabel("Current password").first();
  await expect.poll(() => current.getAttribute("aria-invalid")).toBe("true");
  await expect.poll(() => current.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.getByText("Enter your current password.").first().waitFor();
  await expectAccessible(page, "account, with field errors");
});
