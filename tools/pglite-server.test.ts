import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { createDatabase, migrate } from "@lumen/db";
import { DEMO_USERS, seed } from "@lumen/db/seed";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRaw } from "./pglite/raw-client";
import { type RunningPgliteServer, startPgliteServer } from "./pglite-server";

const settledWithin = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);

describe("PGlite over the Postgres protocol", () => {
  let server: RunningPgliteServer;
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client(server.url);
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startPgliteServer({ port: 0 });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    await server.close();
  });

  it("keeps a transaction's uncommitted rows from other connections, which wait for its commit", async () => {
    const a = await connect();
    const b = await connect();
    await a.query("create table iso (id int primary key)");
    await a.query("begin");
    await a.query("insert into iso values (1)");
    const seenByB = b.query<{ n: number }>("select count(*)::int as n from iso");
    expect(await settledWithin(seenByB, 300)).toBe(false);
    await a.query("commit");
    expect((await seenByB).rows[0]?.n).toBe(1);
  });

  it("rolls back only the rolling-back connection's work", async () => {
    const a = await connect();
    const b = await connect();
    await a.query("create table rb (id int primary key)");
    await b.query("insert into rb values (1)");
    await a.query("begin");
    await a.query("insert into rb values (2)");
    const bInsert = b.query("insert into rb values (3)");
    await a.query("rollback");
    await bInsert;
    const { rows } = await b.query<{ id: number }>("select id from rb order by id");
    expect(rows.map((r) => r.id)).toEqual([1, 3]);
  });

  it("never lets another connection in between the Parse and the Sync of an extended query", async () => {
    const a = await connectRaw(server.port);
    const b = await connect();
    const s = a.serialize;
    a.send(s.parse({ text: "select $1::int as x" }), s.flush());
    await a.until("parseComplete");
    // A different unnamed statement from B would replace A's if B ran now.
    const fromB = b.query("select $1::text as y, $2::text as z", ["p", "q"]);
    expect(await settledWithin(fromB, 300)).toBe(false);
    a.send(s.bind({ values: ["42"] }), s.describe({ type: "P" }), s.execute(), s.sync());
    const replies = await a.until("readyForQuery");
    expect(replies.find((m) => m.name === "dataRow")).toMatchObject({ fields: ["42"] });
    expect((await fromB).rows).toEqual([{ y: "p", z: "q" }]);
    a.close();
  });

  it("rolls back what a client left open when it disconnects, and serves the others", async () => {
    const a = await connectRaw(server.port);
    const raw = await connectRaw(server.port);
    const b = await connect();
    await b.query("create table gone (id int)");
    const s = a.serialize;
    a.send(s.query("begin; insert into gone values (1)"));
    await a.until("readyForQuery");
    // An extended-protocol insert that has executed but was never synced.
    raw.send(s.parse({ text: "insert into gone values (2)" }), s.bind(), s.execute(), s.flush());
    const waiting = b.query<{ n: number }>("select count(*)::int as n from gone");
    a.close();
    await raw.until("commandComplete");
    raw.close();
    expect((await waiting).rows[0]?.n).toBe(0);
  });

  it("gives every pooled query its own result under concurrency, large payloads included", async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 8 });
    const big = "x".repeat(300_000); // spans many TCP reads
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 10 === 0
          ? pool
              .query<{ n: number }>("select length($1::text) as n", [big])
              .then((r) => r.rows[0]?.n)
          : pool.query<{ x: number }>("select $1::int as x", [i]).then((r) => r.rows[0]?.x),
      ),
    );
    await pool.end();
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? big.length : i)));
  });

  it("grants pg_advisory_lock, which the migrations take, without blocking", async () => {
    const a = await connect();
    const b = await connect();
    await a.query("select pg_advisory_lock(7358001)");
    // One backend session for all clients: the lock is re-entrant across connections,
    // so it serializes nothing between them (see ADR 0002).
    await expect(settledWithin(b.query("select pg_advisory_lock(7358001)"), 1000)).resolves.toBe(
      true,
    );
    await b.query("select pg_advisory_unlock(7358001)");
    await a.query("select pg_advisory_unlock(7358001)");
  });

  it("answers connections beyond the limit with a Postgres error, not a hang", async () => {
    const small = await startPgliteServer({ port: 0, maxConnections: 1 });
    const first = new pg.Client(small.url);
    await first.connect();
    const second = new pg.Client(small.url);
    await expect(second.connect()).rejects.toThrow(/too many clients/);
    await first.end();
    await small.close();
  });
});

describe("@lumen/db over the socket with the node-postgres driver", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), "lumen-pglite-")), "pglite");
  });
  afterAll(async () => {
    await rm(join(dataDir, ".."), { recursive: true, force: true });
  });

  it("migrates and seeds, and after a restart on the same directory both are no-ops", async () => {
    const first = await startPgliteServer({ dataDir, port: 0 });
    const client = createDatabase({ driver: "postgres", url: first.url });
    await migrate(client);
    expect(await seed(client.db, { courses: 30 })).toEqual({
      usersCreated: DEMO_USERS.length,
      coursesCreated: 30,
    });
    await client.close();
    await first.close();

    const second = await startPgliteServer({ dataDir, port: 0 });
    const again = createDatabase({ driver: "postgres", url: second.url });
    await migrate(again);
    expect(await seed(again.db, { courses: 30 })).toEqual({ usersCreated: 0, coursesCreated: 0 });
    await again.close();
    await second.close();
  });

  it("two clients migrating a fresh database at once both succeed, each migration applied once", async () => {
    // The API and the job runner booting together: the advisory lock excludes nobody here
    // (one shared session, ADR 0002), so both read "nothing applied" before either applies.
    const server = await startPgliteServer({ port: 0 });
    const clients = [0, 1].map(() => createDatabase({ driver: "postgres", url: server.url }));
    const reader = new pg.Client(server.url);
    try {
      await Promise.all(clients.map((client) => migrate(client)));
      await reader.connect();
      const { rows } = await reader.query<{ n: number; distinct: number }>(
        "select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations",
      );
      expect(rows[0]?.n).toBeGreaterThan(0);
      expect(rows[0]?.distinct).toBe(rows[0]?.n);
    } finally {
      await reader.end();
      await Promise.all(clients.map((client) => client.close()));
      await server.close();
    }
  });

  it("refuses a second server on a data directory that is in use", async () => {
    const running = await startPgliteServer({ dataDir, port: 0 });
    await expect(startPgliteServer({ dataDir, port: 0 })).rejects.toThrow(/in use by process/);
    await running.close();
  });
});

// Why tools/pglite/server.ts exists instead of pglite-socket's own multiplexer: it switches
// clients between any two messages. If this starts failing, upstream fixed it; see ADR 0002.
describe("pglite-socket 0.2.17's multiplexer", () => {
  it("lets another connection replace an unfinished extended query's statement", async () => {
    const db = await PGlite.create();
    const upstream = new PGLiteSocketServer({ db, port: 0, maxConnections: 4 });
    await upstream.start();
    const port = Number(upstream.getServerConn().split(":")[1]);
    const a = await connectRaw(port);
    const b = new pg.Client(`postgres://postgres@127.0.0.1:${port}/postgres`);
    await b.connect();
    const s = a.serialize;
    a.send(s.parse({ text: "select $1::int as x" }), s.flush());
    await a.until("parseComplete");
    await b.query("select $1::text as y, $2::text as z", ["p", "q"]);
    a.send(s.bind({ values: ["42"] }), s.describe({ type: "P" }), s.execute(), s.sync());
    const replies = await a.until("readyForQuery");
    expect(replies.find((m) => m.name === "error")).toMatchObject({
      message: 'bind message supplies 1 parameters, but prepared statement "" requires 2',
    });
    a.close();
    await b.end();
    await upstream.stop();
    await db.close();
  });
});
