import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, type DatabaseClient } from "../client";
import { migrate } from "../migrate";
import { migratedPgliteDump, migratedPostgresTemplate } from "./template";

export interface TestDatabase extends DatabaseClient {
  /** Connection URL of this test's own database; undefined on PGlite. */
  url: string | undefined;
}

/**
 * A fresh, migrated database owned by one test file: a new database on the Postgres at
 * `TEST_DATABASE_URL` when set (dropped again on close), else an in-memory PGlite.
 * `migrationsFolder` migrates it only as far as that folder goes (data migration tests).
 */
export async function createTestDatabase(
  options: { driver?: "postgres" | "neon"; wsProxy?: string; migrationsFolder?: string } = {},
): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const applied = { migrationsFolder: options.migrationsFolder };
  // A database with every migration starts as a copy of a migrated template.
  const fromTemplate = options.migrationsFolder === undefined;
  if (!adminUrl) {
    const client = createDatabase({
      driver: "pglite",
      loadDataDir: fromTemplate ? await migratedPgliteDump() : undefined,
    });
    await migrate(client, applied);
    return { ...client, url: undefined };
  }
  const name = `lumen_test_${randomBytes(6).toString("hex")}`;
  const template = fromTemplate ? await migratedPostgresTemplate(adminUrl) : undefined;
  await withAdmin(adminUrl, (admin) =>
    whenIdle(() =>
      admin.query(`create database ${name}${template ? ` template ${template}` : ""}`),
    ),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = createDatabase(
    options.driver === "neon"
      ? { driver: "neon", url: url.toString(), wsProxy: options.wsProxy }
      : { driver: "postgres", url: url.toString() },
  );
  await migrate(client, applied);
  return {
    ...client,
    url: url.toString(),
    close: async () => {
      await client.close();
      await withAdmin(adminUrl, (admin) => dropWhenIdle(admin, name));
    },
  };
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** The pool's sockets close just after end() resolves; wait for them rather than kill them. */
function dropWhenIdle(admin: pg.Client, name: string) {
  return whenIdle(() => admin.query(`drop database if exists ${name}`));
}

/**
 * Runs `statement` (a drop, or a copy of the template), again while Postgres says another
 * session still uses the database (55006): pooled sockets close just after end() resolves.
 */
async function whenIdle(statement: () => Promise<unknown>) {
  for (let attempt = 0; ; attempt++) {
    try {
      await statement();
      return;
    } catch (error) {
      const inUse = error instanceof Error && "code" in error && error.code === "55006";
      if (!inUse || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
