import { UNSTORABLE_TEXT_MESSAGE } from "@lumen/core/kernel";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { EnvError, parseApiEnv } from "../src/env";
import { renderError } from "../src/http-errors";
import { createTestApp } from "./harness";

describe("unexpected failures", () => {
  it("a database failure is a generic 500: no stack, no SQL, cause in the log", async () => {
    const t = await createTestApp();
    await t.database.close();
    const res = await t.app.request('/trpc/catalog.list?input={"category":"Design"}');
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text).error.message).toBe(
      "Something went wrong on our side. Please try again.",
    );
    expect(text).not.toMatch(/select|from "courses"|\bat \w+ \(|stack/i);
    expect(t.logs).toContainEqual(
      expect.objectContaining({ level: "error", msg: "procedure failed", path: "catalog.list" }),
    );
  });

  it("text Postgres can't store is a 400 on HTTP routes too, as on tRPC", async () => {
    const t = await createTestApp();
    const failed = await t.database.db.execute(sql`select ${"a\u0000b"}::text`).then(
      () => null,
      (e: unknown) => e,
    );
    await t.database.close();
    expect(renderError(failed, "req-1")).toEqual({
      status: 400,
      body: {
        error: { code: "BAD_REQUEST", message: UNSTORABLE_TEXT_MESSAGE, requestId: "req-1" },
      },
    });
    expect(renderError(new Error("boom"), "req-1")).toBeNull();
  });

  it("readiness reports 503 when the database is gone", async () => {
    const t = await createTestApp();
    await t.database.close();
    const res = await t.app.request("/readyz");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "unavailable" });
  });
});

describe("environment", () => {
  const messageOf = (source: Record<string, string>) => {
    try {
      parseApiEnv(source);
    } catch (error) {
      if (error instanceof EnvError) return error.message;
      throw error;
    }
    throw new Error("expected the environment to be rejected");
  };

  it("names each invalid variable", () => {
    const message = messageOf({ PORT: "http", WEB_ORIGIN: "not a url" });
    expect(message).toMatch(/- PORT: /);
    expect(message).toMatch(/- WEB_ORIGIN: Invalid URL/);
  });

  it("production refuses to start without its secret and database", () => {
    const message = messageOf({ LUMEN_ENV: "production" });
    expect(message).toContain("AUTH_SECRET: AUTH_SECRET is required in production");
    expect(message).toContain("DATABASE_URL: DATABASE_URL is required in production");
  });

  it("defaults to the embedded database and the local web origin", () => {
    const env = parseApiEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      WEB_ORIGIN: "http://localhost:5173",
      LUMEN_ENV: "development",
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });
});
