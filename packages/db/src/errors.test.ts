import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFailureOf, isUnstorableText } from "./errors";
import { users } from "./schema";
import { createTestDatabase, type TestDatabase } from "./testing";

// Runs on PGlite, or on real Postgres (node-postgres) with TEST_DATABASE_URL; the Neon driver
// is checked in tools/neon-ws-proxy/neon-driver.test.ts.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const SECRET = "sk_live_do-not-log-me";

async function failureOf(run: () => Promise<unknown>) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!error) throw new Error("expected the statement to fail");
  return databaseFailureOf(error);
}

describe("databaseFailureOf", () => {
  it("finds the SQLSTATE inside drizzle's error and keeps no parameter value", async () => {
    const failure = await failureOf(() =>
      database.db.execute(sql`select ${SECRET}::text, ${"a\u0000b"}::text`),
    );
    expect(failure).toMatchObject({ code: "22021", query: "select $1::text, $2::text" });
    expect(failure && isUnstorableText(failure)).toBe(true);
    expect(JSON.stringify(failure)).not.toContain(SECRET);
  });

  it("names the table and constraint of a violated constraint, not the values", async () => {
    const user = { id: "u-dup", name: "Dup", email: `${SECRET}@test.lumen.dev` };
    await database.db.insert(users).values(user);
    const failure = await failureOf(() => database.db.insert(users).values(user));
    expect(failure).toMatchObject({ code: "23505", table: "users" });
    expect(failure?.constraint).toMatch(/users/);
    expect(failure && isUnstorableText(failure)).toBe(false);
    expect(JSON.stringify(failure)).not.toContain(SECRET);
  });

  it("tells unstorable text (NUL or lone surrogate in JSON, too long) from other bad values", async () => {
    const codes = [];
    for (const run of [
      () => database.db.execute(sql`select ${JSON.stringify({ a: "\u0000" })}::jsonb`),
      () => database.db.execute(sql`select ${JSON.stringify({ a: "\ud800" })}::jsonb`),
      () =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`create temporary table short_text (v varchar(2)) on commit drop`);
          await tx.execute(sql`insert into short_text values (${"abc"})`);
        }),
      () => database.db.execute(sql`select ${SECRET}::uuid`),
    ]) {
      const failure = await failureOf(run);
      codes.push([failure?.code, failure && isUnstorableText(failure)]);
    }
    expect(codes).toEqual([
      ["22P05", true],
      ["22P02", true],
      ["22001", true],
      ["22P02", false],
    ]);
  });

  it("is null for errors that did not come from Postgres", () => {
    expect(databaseFailureOf(new Error("boom", { cause: new Error("deeper") }))).toBeNull();
    expect(databaseFailureOf("a string")).toBeNull();
  });
});
