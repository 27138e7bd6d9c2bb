// Lives in tools, not packages/db: it needs the proxy, and packages/db imports no workspace package.

import {
  createDatabase,
  databaseFailureOf,
  isUnstorableText,
  listenForNotifications,
  migrate,
  users,
} from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { count, eq, sql } from "drizzle-orm";
import { pgSchema, serial, text } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NeonWsProxy, startNeonWsProxy } from "./index";

/** drizzle's own bookkeeping table, declared here only to count its rows with types. */
const appliedMigrations = pgSchema("drizzle").table("__drizzle_migrations", {
  id: serial().primaryKey(),
  hash: text().notNull(),
});

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.warn(
    "[neon.test] SKIPPED: the Neon driver path needs a real Postgres behind the WebSocket " +
      "proxy. Set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (CI does).",
  );
}

describe.skipIf(!adminUrl)("the Neon serverless driver through the WebSocket proxy", () => {
  let proxy: NeonWsProxy | undefined;
  let database: TestDatabase | undefined;
  const proxied: string[] = [];

  function db(): TestDatabase {
    if (!database) throw new Error("beforeAll did not create the database");
    return database;
  }

  beforeAll(async () => {
    const postgres = new URL(adminUrl ?? "");
    proxy = await startNeonWsProxy({
      allowedTargets: [Number(postgres.port || 5432)],
      log: (message) => proxied.push(message),
    });
    database = await createTestDatabase({ driver: "neon", wsProxy: proxy.address });
  });

  afterAll(async () => {
    // The pool's sockets must go before the proxy, or dropping the database waits on them.
    await database?.close();
    await proxy?.close();
  });

  it("migrates, writes and reads over WebSockets", async () => {
    await db()
      .db.insert(users)
      .values({ id: "neon-user-1", name: "Ada Neon", email: "ada@neon.test" });

    const [row] = await db().db.select().from(users).where(eq(users.id, "neon-user-1"));

    expect(db().driver).toBe("neon");
    expect(row).toMatchObject({ name: "Ada Neon", email: "ada@neon.test", role: "learner" });
    // The Neon driver has no plain-TCP path: Postgres was reached through this proxy.
    expect(proxied.some((line) => line.startsWith("proxying to"))).toBe(true);
    expect(proxied.filter((line) => line.startsWith("refused"))).toEqual([]);
  });

  it("rolls a transaction back when it throws", async () => {
    const failing = db().db.transaction(async (tx) => {
      await tx
        .insert(users)
        .values({ id: "neon-user-2", name: "Rolled Back", email: "rb@neon.test" });
      throw new Error("abort enrollment");
    });

    await expect(failing).rejects.toThrow("abort enrollment");
    expect(await db().db.select().from(users).where(eq(users.id, "neon-user-2"))).toEqual([]);
  });

  it("treats a second migrate() as a no-op", async () => {
    const applied = async () => {
      const [row] = await db().db.select({ count: count() }).from(appliedMigrations);
      return row?.count;
    };
    const before = await applied();

    await migrate(db());

    expect(before).toBeGreaterThan(0);
    expect(await applied()).toBe(before);
  });

  it("reports a refused NUL with its SQLSTATE like the other drivers, without the values", async () => {
    const error = await db()
      .db.execute(sql`select ${"sk_live_secret"}::text, ${"a\u0000b"}::text`)
      .then(
        () => null,
        (e: unknown) => e,
      );
    const failure = databaseFailureOf(error);
    expect(failure).toMatchObject({ code: "22021", query: "select $1::text, $2::text" });
    expect(failure && isUnstorableText(failure)).toBe(true);
    expect(JSON.stringify(failure)).not.toContain("sk_live_secret");
  });

  it("accepts the proxy as a ws:// URL, the form NEON_WS_PROXY takes", async () => {
    const url = db().url;
    if (!url || !proxy) throw new Error("beforeAll did not run");
    const client = createDatabase({ driver: "neon", url, wsProxy: proxy.url });
    try {
      // An aggregate always yields one row, whatever the other tests left behind.
      await expect(client.db.select({ count: count() }).from(users)).resolves.toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it("keeps a LISTEN session over the driver's WebSocket: the live listener's Neon path", async () => {
    let heard: (payload: string) => void = () => {};
    const payload = new Promise<string>((resolve) => {
      heard = resolve;
    });
    const listener = listenForNotifications(db().connection, "lumen_live", { onMessage: heard });
    try {
      await listener.ready;
      await db().db.execute(sql`select pg_notify('lumen_live', 'over websockets')`);
      expect(await payload).toBe("over websockets");
    } finally {
      await listener.close();
    }
  });
});
