import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDatabase } from "../client";
import { migrate, migrationsFolder } from "../migrate";

/**
 * Migrated templates for test databases: each test file gets a fresh database, but running
 * every migration for each one cost 4–8 s on PGlite (~1–3 s on Postgres). The migrations
 * run once per version of the migrations folder (its content hash names the template);
 * each test database then starts as a copy.
 */

/** A short hash of every file in the migrations folder (SQL and journal). */
async function migrationsHash(): Promise<string> {
  const hash = createHash("sha256");
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else hash.update(entry.name).update(await readFile(path));
    }
  };
  await walk(migrationsFolder);
  return hash.digest("hex").slice(0, 16);
}

/**
 * A short hash of this checkout's migrations folder path: templates are named per checkout,
 * so two checkouts with different migrations (worktrees) sharing one Postgres or temp
 * directory never drop each other's template mid-run; each drops only its own old ones.
 */
const checkout = createHash("sha256").update(migrationsFolder).digest("hex").slice(0, 8);

let pgliteTemplate: Promise<Blob> | undefined;

/**
 * A dump of a migrated PGlite data directory, cached in the OS temp directory so the test
 * workers and runs after this one skip the migrations (written to a temporary name and
 * renamed, so a reader never sees half a file).
 */
export function migratedPgliteDump(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const file = join(tmpdir(), `lumen-pglite-template-${checkout}-${await migrationsHash()}.tar`);
    try {
      return new Blob([await readFile(file)]);
    } catch {
      const client = createDatabase({ driver: "pglite" });
      try {
        await migrate(client);
        const { connection } = client;
        if (connection.driver !== "pglite") throw new Error("expected a PGlite client");
        const dump = await connection.pglite.dumpDataDir("none");
        const partial = `${file}.${process.pid}.${Date.now()}`;
        await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
        await rename(partial, file);
        // Dumps of older migrations are never read again (42 MB apiece).
        for (const name of await readdir(tmpdir())) {
          if (
            name.startsWith(`lumen-pglite-template-${checkout}-`) &&
            name.endsWith(".tar") &&
            join(tmpdir(), name) !== file
          ) {
            await rm(join(tmpdir(), name), { force: true });
          }
        }
        return dump;
      } finally {
        await client.close();
      }
    }
  })();
  return pgliteTemplate;
}

// Arbitrary constant: one process at a time creates the Postgres template.
const TEMPLATE_LOCK_ID = 7_358_002;
let postgresTemplate: Promise<string> | undefined;

/**
 * The name of a migrated template database on the Postgres at `adminUrl`, created by the
 * first test file that asks (under an advisory lock, so concurrent workers wait for it
 * rather than race); templates of older migrations are dropped then.
 */
export function migratedPostgresTemplate(adminUrl: string): Promise<string> {
  postgresTemplate ??= (async () => {
    const name = `lumen_template_${checkout}_${await migrationsHash()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query("select pg_advisory_lock($1)", [TEMPLATE_LOCK_ID]);
      const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
      if (exists.rowCount === 0) {
        await admin.query(`create database ${name}`);
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        const client = createDatabase({ driver: "postgres", url: url.toString() });
        try {
          await migrate(client);
        } finally {
          await client.close();
        }
        const old = await admin.query<{ datname: string }>(
          "select datname from pg_database where starts_with(datname, $2) and datname <> $1",
          [name, `lumen_template_${checkout}_`],
        );
        for (const { datname } of old.rows) {
          await admin.query(`drop database if exists ${datname}`).catch(() => {});
        }
      }
      return name;
    } finally {
      await admin.query("select pg_advisory_unlock($1)", [TEMPLATE_LOCK_ID]).catch(() => {});
      await admin.end();
    }
  })();
  return postgresTemplate;
}
