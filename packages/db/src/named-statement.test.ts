import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeNamed } from "./named-statement";
import { createTestDatabase, type TestDatabase } from "./testing";

// PGlite, or real Postgres (node-postgres) with TEST_DATABASE_URL.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const doubled = (values: number[]) =>
  sql`select v * 2 as v from unnest(${sql.param(values)}::int[]) as t(v) order by v`;

describe("executeNamed", () => {
  it("answers each call with its own parameter values, in and outside a transaction", async () => {
    const first = await executeNamed<{ v: number }>(
      database.db,
      "lumen_test_doubled",
      doubled([1, 2]),
    );
    const inTx = await database.db.transaction((tx) =>
      executeNamed<{ v: number }>(tx, "lumen_test_doubled", doubled([5, 3, 4])),
    );
    expect(first.rows.map((r) => r.v)).toEqual([2, 4]);
    expect(inTx.rows.map((r) => r.v)).toEqual([6, 8, 10]);
  });

  it("leaves the statement prepared on the connection (Postgres), so it is not parsed again", async () => {
    const prepared = await database.db.transaction(async (tx) => {
      await executeNamed(tx, "lumen_test_prepared", doubled([7]));
      // Same transaction, so same connection: its prepared statements are visible here.
      const { rows } = await tx.execute<{ name: string }>(
        sql`select name from pg_prepared_statements where name = 'lumen_test_prepared'`,
      );
      return rows.map((r) => r.name);
    });
    // PGlite runs it unnamed (no protocol-level statements to keep), which is all it needs.
    expect(prepared).toEqual(database.driver === "pglite" ? [] : ["lumen_test_prepared"]);
  });
});
