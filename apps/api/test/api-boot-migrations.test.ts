import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { migrationsFolder } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, emptyProcessDatabase, startApiProcess } from "./api-process";

let database: Awaited<ReturnType<typeof emptyProcessDatabase>>;
const apis: ApiProcess[] = [];

beforeAll(async () => {
  database = await emptyProcessDatabase();
});
afterAll(async () => {
  for (const api of apis) await api.kill();
  await database?.close();
});

async function committedMigrations(): Promise<string[]> {
  const journal = JSON.parse(await readFile(join(migrationsFolder, "meta/_journal.json"), "utf8"));
  return (journal as { entries: Array<{ tag: string }> }).entries.map((e) => e.tag);
}

describe("two API processes booting on one fresh database at once", () => {
  it("both come up, and every migration is applied exactly once", {
    timeout: 180_000,
  }, async () => {
    const booted = await Promise.allSettled([
      startApiProcess(database.url),
      startApiProcess(database.url),
    ]);
    for (const result of booted) if (result.status === "fulfilled") apis.push(result.value);
    expect(booted.map((b) => (b.status === "rejected" ? String(b.reason) : "ready"))).toEqual([
      "ready",
      "ready",
    ]);

    const applied = await database.db.execute<{ n: number; distinct: number }>(
      sql`select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`,
    );
    const migrations = await committedMigrations();
    expect(applied.rows[0]).toEqual({ n: migrations.length, distinct: migrations.length });
    for (const api of apis) expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
  });
});
