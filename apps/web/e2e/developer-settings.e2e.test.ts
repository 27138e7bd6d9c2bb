import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, type BrowserContext, type Page, request } from "playwright-core";
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
/** A webhook receiver on loopback (the job runner may reach private addresses outside production). */
let receiver: Server;
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
let receiverUrl: string;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/lumen`;
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
  await new Promise((resolve) => receiver?.close(resolve));
});

/** GET /api/v1/me with a bearer token and no cookie, as an integrator's script calls it. */
async function callApi(token: string) {
  const client = await request.newContext();
  try {
    const response = await client.get(`${stack.webUrl}/api/v1/me`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return { status: response.status(), body: await response.text() };
  } finally {
    await client.dispose();
  }
}

/** On a 390 px phone the page does not scroll sideways (wide tables scroll in their box). */
async function expectFitsPhone(where: string, on: Page = page) {
  await on.setViewportSize({ width: 390, height: 844 });
  const width = await on.evaluate(() => document.documentElement.scrollWidth);
  await on.setViewportSize({ width: 1280, height: 720 });
  expect(width, `${where} is wider than the phone`).toBeLessThanOrEqual(390);
}

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

  // The API's message for a missing name shows on the field.
  await page.getByRole("button", { name: "Create key" }).click();
  await page.getByText("Give the key a name.").waitFor();
  expect(await page.getByLabel("Name").getAttribute("aria-invalid")).toBe("true");

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
  await expectFitsPhone("API keys");

  // The key works against the REST API, and the list then shows its last use.
  const me = await callApi(token);
  expect(me.status, me.body).toBe(200);
  expect(JSON.parse(me.body)).toMatchObject({ email: "learner@lumen.dev" });
  await page.reload();
  await row.getByText("just now").waitFor();

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
  expect((await callApi(token)).status).toBe(401);
});

it("a learner registers a webhook, sees its secret once, its test delivery and a redelivery in the log, and turns it off and on", async () => {
  await page
    .getByRole("navigation", { name: "Settings" })
    .getByRole("link", { name: "Webhooks" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();
  await page.getByRole("heading", { name: "No endpoints yet" }).waitFor();
  await expectAccessible(page, "webhooks, none yet");

  await page.getByRole("button", { name: "Add an endpoint" }).click();
  await page.getByLabel("URL").fill("not a url");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByText("Enter a full URL").waitFor();
  await page.getByLabel("URL").fill(receiverUrl);
  await page.getByLabel("Description (optional)").fill("HR sync");
  await page.getByLabel(/Certificate revoked/).uncheck();
  await expectAccessible(page, "webhooks, add form");
  await page.getByRole("button", { name: "Add endpoint" }).click();

  const reveal = page.getByRole("dialog", { name: "Endpoint added: its signing secret" });
  await reveal.waitFor();
  const secret = await reveal.getByLabel("Secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  await expectAccessible(page, "webhooks, secret dialog");
  await reveal.getByRole("button", { name: "Done" }).click();
  await reveal.waitFor({ state: "detached" });

  const card = page.getByRole("article", { name: receiverUrl });
  await card.getByText("Enabled").waitFor();
  expect(await card.getByText(/^Events:/).textContent()).not.toContain("Certificate revoked");
  await card.getByRole("button", { name: "Show deliveries" }).click();
  await card.getByText("No deliveries yet.").waitFor();
  await card.getByRole("button", { name: "Send test event" }).click();

  // The job runner signs and sends it to the receiver; the log polls until it has landed.
  const delivery = card.getByRole("row", { name: /Test event/ });
  await delivery.getByText("Delivered").waitFor({ timeout: 30_000 });
  expect(await delivery.getByRole("cell").allInnerTexts()).toEqual(expect.arrayContaining(["200"]));
  expect(received).toHaveLength(1);
  expect(received[0]?.headers["webhook-signature"]).toMatch(/^v1,/);
  expect(JSON.parse(received[0]?.body ?? "{}")).toMatchObject({ type: "webhook.test" });

  await delivery.getByRole("button", { name: "1 attempt" }).click();
  await card.getByText(/Attempt 1 \(manual\): 200/).waitFor();
  await expectAccessible(page, "webhooks, delivery log");
  await expectFitsPhone("webhooks with a delivery log");

  // Redeliver: a second, manual attempt of the same message.
  await delivery.getByRole("button", { name: "Redeliver" }).click();
  await delivery.getByRole("button", { name: "2 attempts" }).waitFor({ timeout: 30_000 });
  expect(received.map((r) => r.headers["webhook-id"])).toEqual([
    received[0]?.headers["webhook-id"],
    received[0]?.headers["webhook-id"],
  ]);

  // The secret again on demand; then off, with the reason shown, and on again.
  await card.getByRole("button", { name: "Reveal secret" }).click();
  const again = page.getByRole("dialog", { name: "Signing secret" });
  expect(await again.getByLabel("Secret").inputValue()).toBe(secret);
  await page.keyboard.press("Escape");
  await again.waitFor({ state: "detached" });
  await card.getByRole("button", { name: "Disable" }).click();
  await card.getByText("Turned off by its owner.").waitFor();
  await card.getByText("Disabled", { exact: true }).waitFor();
  await card.getByRole("button", { name: "Enable" }).click();
  await card.getByText("Enabled", { exact: true }).waitFor();
});

it("an instructor adds an endpoint for a course they teach, kept apart from their own", async () => {
  const instructor = await browser.newContext();
  try {
    const teacher = await instructor.newPage();
    teacher.setDefaultTimeout(10_000);
    await teacher.goto(`${stack.webUrl}/sign-in`);
    await signIn(teacher, "instructor@lumen.dev", "lumen-instructor-dev");
    await teacher.getByRole("link", { name: "Webhooks" }).click();
    await teacher.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();
    const scope = teacher.getByLabel("Events about");
    const option = scope.locator("option", { hasText: "Course:" }).first();
    await option.waitFor({ state: "attached" });
    const course = (await option.textContent()) ?? "";
    await scope.selectOption({ label: course });
    const title = course.replace(/^Course: /, "");
    await teacher.getByRole("heading", { name: `Endpoints for ${title}` }).waitFor();
    await expectAccessible(teacher, "webhooks, a course's endpoints");
    // A staff account's header (role badge, three settings links) still fits a phone.
    await expectFitsPhone("an instructor's webhooks page", teacher);

    await teacher.getByRole("button", { name: "Add an endpoint" }).click();
    await teacher.getByLabel("URL").fill(`${receiverUrl}/course`);
    for (const label of [
      "Lesson",
      "Course completed",
      "Certificate issued",
      "Certificate revoked",
    ]) {
      await teacher.getByLabel(new RegExp(`^${label}`)).uncheck();
    }
    await teacher.getByRole("button", { name: "Add endpoint" }).click();
    await teacher.getByRole("dialog").getByRole("button", { name: "Done" }).click();
    const card = teacher.getByRole("article", { name: `${receiverUrl}/course` });
    await card.getByText("Events: Enrollment created").waitFor();

    // Their own events list does not hold the course's endpoint.
    await scope.selectOption({ label: "Me" });
    await teacher.getByRole("heading", { name: "Your endpoints" }).waitFor();
    await teacher.getByRole("heading", { name: "No endpoints yet" }).waitFor();
    expect(await card.count()).toBe(0);
  } finally {
    await instructor.close();
  }
});
