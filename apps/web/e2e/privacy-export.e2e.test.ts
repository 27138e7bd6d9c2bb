import { readFile } from "node:fs/promises";
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
/** The signed link the page handed out, for the tests of links opened elsewhere. */
let downloadHref = "";

beforeAll(async () => {
  // The edge holds the archive (exports/<id>.zip in R2), written by the job runner.
  [stack, browser] = await Promise.all([startStack({ courses: 1, edge: true }), launchBrowser()]);
  context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterEach((ctx) => reportFailure(ctx.task.result?.state === "fail", browser, stack));

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

it("a learner requests a data export, waits for it to be ready and downloads the ZIP", async () => {
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, "learner@lumen.dev", "lumen-learner-dev");
  await page.getByRole("link", { name: "Email settings" }).click();
  await page
    .getByRole("navigation", { name: "Settings" })
    .getByRole("link", { name: "Privacy" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Privacy" }).waitFor();
  await page.getByRole("heading", { name: "No exports yet" }).waitFor();
  await page.getByText("only strictly necessary cookies").waitFor();
  await expectAccessible(page, "privacy, no exports yet");

  await page.getByRole("button", { name: "Request an export" }).click();
  // The list polls while the job runs; a loaded CI machine may take a while.
  const row = page.getByRole("row").filter({ has: page.getByRole("status") });
  await row.getByText("Ready").waitFor({ timeout: 120_000 });
  await expectAccessible(page, "privacy, export ready");

  const link = row.getByRole("link", { name: "Download" });
  downloadHref = (await link.getAttribute("href")) ?? "";
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^lumen-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const bytes = await readFile((await download.path()) ?? "");
  // A ZIP starts with a local file header.
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
});

it("a tampered link opened in a browser leads, through sign-in, to a notice on the privacy page", async () => {
  expect(downloadHref).toMatch(/\?expires=\d+&signature=/);
  const tampered = new URL(downloadHref, stack.webUrl);
  const signature = tampered.searchParams.get("signature") ?? "";
  tampered.searchParams.set(
    "signature",
    `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`,
  );
  // Another device, signed out, as a click in a mail client opens it.
  const elsewhere = await browser.newContext();
  try {
    const other = await elsewhere.newPage();
    other.setDefaultTimeout(15_000);
    await other.goto(tampered.href);
    await other.waitForURL((url) => url.pathname === "/sign-in");
    // The privacy page needs a session: sign-in keeps the reason in its return path.
    expect(new URL(other.url()).searchParams.get("next")).toBe(
      "/settings/privacy?download=invalid",
    );
    await signIn(other, "learner@lumen.dev", "lumen-learner-dev");
    const notice = other.getByRole("status").filter({ hasText: "download link is not valid" });
    await notice.waitFor();
    expect(new URL(other.url()).pathname).toBe("/settings/privacy");
    await other.getByRole("row").filter({ hasText: "Ready" }).waitFor();
    await expectAccessible(other, "privacy, a refused download link");
  } finally {
    await elsewhere.close();
  }
});
