import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "./client";
import { migrate } from "./migrate";
import * as schema from "./schema";
import { createTestDatabase, type TestDatabase } from "./testing";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("migrate", () => {
  it("running it again is a no-op", async () => {
    const applied = () =>
      database.db.execute(sql`select hash from drizzle.__drizzle_migrations order by id`);
    const before = (await applied()).rows;
    await migrate(database);
    await migrate(database);
    expect((await applied()).rows).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });

  it("creates every table the schema declares, with its indexes", async () => {
    // Partitions (progress_events' months, ADR 0029) are not tables of their own here.
    const tables = await database.db.execute(
      sql`select c.relname as tablename from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname`,
    );
    // Every table the drizzle schema declares, so a table without its migration fails here.
    const exported: unknown[] = Object.values(schema);
    const declared = exported
      .filter((value): value is PgTable => is(value, PgTable))
      .map((table) => getTableName(table))
      .sort();
    expect(declared).toContain("search_broad_hits");
    expect(tables.rows.map((r) => (r as { tablename: string }).tablename)).toEqual(declared);
    const indexes = await database.db.execute(
      sql`select indexname from pg_indexes where tablename = 'courses'`,
    );
    const names = indexes.rows.map((r) => (r as { indexname: string }).indexname);
    for (const name of [
      "courses_category_idx",
      "courses_level_idx",
      "courses_language_idx",
      "courses_instructor_id_idx",
    ]) {
      expect(names).toContain(name);
    }
  });
});

describe("migrate on a one-connection pool", () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "runs on the connection that holds the lock instead of waiting for a second one",
    async () => {
      const url = database.url ?? "";
      const single = createDatabase({ driver: "postgres", url, maxConnections: 1 });
      try {
        await migrate(single);
        const applied = await single.db.execute(
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        expect((applied.rows[0] as { n: number }).n).toBeGreaterThan(0);
      } finally {
        await single.close();
      }
    },
  );
});
