import { connect } from "node:net";
import { serve } from "@hono/node-server";
import { users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, json, signUp, type TestApp, WEB_ORIGIN } from "./harness";

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  cookie = await signUp(t, "guarded@test.lumen.dev");
});
afterAll(() => t.database.close());

describe("security headers", () => {
  it("every API response forbids sniffing and framing and sends no referrer", async () => {
    const responses = [
      await t.app.request("/healthz"),
      await t.app.request("/nope"),
      await t.app.request("/trpc/enrollment.mine"),
      await t.app.request("/api/auth/get-session", { headers: { cookie } }),
    ];
    for (const res of responses) {
      expect(Object.fromEntries(res.headers)).toMatchObject({
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
        "referrer-policy": "no-referrer",
      });
    }
  });
});

describe("the Origin check on state-changing requests", () => {
  const markAllRead = (headers: Record<string, string>) =>
    t.app.request("/trpc/notifications.markRead", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ all: true }),
    });
  const nameNow = async () =>
    (await t.database.db.select().from(users).where(eq(users.email, "guarded@test.lumen.dev")))[0]
      ?.name;

  it("refuses a mutation from another origin, or with cookies and no Origin, changing nothing", async () => {
    const forged: Array<Record<string, string>> = [
      { cookie, origin: "https://evil.example" },
      { cookie },
      { cookie, origin: "null" },
    ];
    for (const headers of forged) {
      const res = await markAllRead(headers);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "FORBIDDEN_ORIGIN" } });
      const rename = await t.app.request("/api/auth/update-user", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ name: "Pwned" }),
      });
      expect(rename.status).toBe(403);
    }
    expect(await nameNow()).toBe("Test Learner");
    expect((await markAllRead({ cookie, origin: WEB_ORIGIN })).status).toBe(200);
  });

  it("applies to REST uploads and auth endpoints too, not to reads", async () => {
    const cover = await t.app.request("/api/courses/00000000-0000-4000-8000-000000000000/cover", {
      method: "PUT",
      headers: { cookie, origin: "https://evil.example", "content-type": "image/png" },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(cover.status).toBe(403);
    const signIn = await t.app.request(
      "/api/auth/sign-in/email",
      json(
        { email: "guarded@test.lumen.dev", password: "correct-horse-battery" },
        { origin: "https://evil.example" },
      ),
    );
    expect(signIn.status).toBe(403);
    expect(signIn.headers.getSetCookie()).toEqual([]);
    const read = await t.app.request("/trpc/enrollment.mine", {
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(read.status).toBe(200);
  });

  it("lets a request without cookies or Origin through to its own checks", async () => {
    expect((await markAllRead({})).status).toBe(401);
  });
});

describe("413 on a kept-alive connection", () => {
  it("an oversized body does not corrupt the next request on the same socket", async () => {
    const server = serve({ fetch: t.app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server.once("listening", resolve));
    const address = server.address();
    if (typeof address !== "object" || address === null) throw new Error("no port");
    try {
      // MAX_BODY_BYTES is 4096 here. The whole body is sent, then a second request that a
      // confused server would answer as garbage (or parse out of the first body).
      const body = `{"pad":"${"GET /healthz HTTP/1.1\\r\\n".repeat(400)}"}`;
      const raw = [
        "POST /trpc/enrollment.enroll HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/json",
        `Origin: ${WEB_ORIGIN}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        "Connection: keep-alive",
        "",
        body,
      ].join("\r\n");
      const next = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      const received = await new Promise<string>((resolve, reject) => {
        const socket = connect(address.port, "127.0.0.1");
        let text = "";
        socket.on("data", (chunk) => {
          text += chunk.toString();
        });
        socket.on("end", () => resolve(text));
        socket.on("error", reject);
        socket.write(raw + next);
      });
      const statuses = [...received.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => m[1]);
      expect(statuses[0]).toBe("413");
      // Either the server closed after the 413 (the client retries on a fresh connection) or
      // it read the body through and answered the next request properly. Never anything else.
      const closed = /\r\nconnection: close\r\n/i.test(received.split("\r\n\r\n")[0] ?? "");
      expect(closed ? statuses : statuses.slice(1)).toEqual(closed ? ["413"] : ["200"]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
