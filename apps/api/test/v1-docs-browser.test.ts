import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./harness";

let t: TestApp;
let server: ReturnType<typeof serve>;
let origin: string;

beforeAll(async () => {
  t = await createTestApp();
  await new Promise<void>((ready) => {
    server = serve({ fetch: t.app.fetch, hostname: "127.0.0.1", port: 0 }, () => ready());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  await t.database.close();
});

describe("GET /api/v1/docs in a browser", () => {
  it("renders the reference from the local bundle with no CSP violation and no outside request", async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      const outside: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      page.on("request", (r) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) outside.push(r.url());
      });
      // Anything leaving this origin is answered locally, never sent.
      await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      await page.goto(`${origin}/api/v1/docs`);
      // The document's description and an operation appear once Scalar fetched and rendered it.
      await page.getByText("RFC 9457 problem details").first().waitFor({ timeout: 60_000 });
      await page.getByText("Who I am").first().waitFor({ timeout: 60_000 });
      expect(violations).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
