import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPgliteServer, startPgliteServer } from "../pglite-server";
import { NotificationSplitter } from "./notify";

function backend(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "ascii");
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

describe("NotificationSplitter", () => {
  it("takes NotificationResponses out of a reply stream however it was chunked", () => {
    const notification = backend("A", Buffer.from("\0\0\0\x07ch\0hello\0", "binary"));
    const complete = backend("C", Buffer.from("SELECT 1\0"));
    const ready = backend("Z", Buffer.from("I"));
    const stream = Buffer.concat([complete, notification, ready]);
    for (const size of [1, 2, 5, 7, stream.length]) {
      const splitter = new NotificationSplitter();
      const passed: Buffer[] = [];
      const heard: Buffer[] = [];
      for (let i = 0; i < stream.length; i += size) {
        for (const part of splitter.push(stream.subarray(i, i + size))) {
          if ("notification" in part) {
            // Everything before the notification has been passed on already.
            expect(Buffer.concat(passed)).toEqual(complete);
            heard.push(part.notification);
          } else passed.push(part.pass);
        }
      }
      expect(Buffer.concat(passed)).toEqual(Buffer.concat([complete, ready]));
      expect(heard).toEqual([notification]);
    }
  });
});

describe("LISTEN/NOTIFY through the PGlite wire server", () => {
  let server: RunningPgliteServer;
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client(server.url);
    await client.connect();
    clients.push(client);
    const heard: string[] = [];
    client.on("notification", (m) => heard.push(`${m.channel}:${m.payload}`));
    return { client, heard };
  };
  beforeAll(async () => {
    server = await startPgliteServer({ port: 0 });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    await server.close();
  });

  /** Waits until `heard` has `count` entries (a round trip on the listener flushes its socket). */
  const until = async (client: pg.Client, heard: string[], count: number) => {
    while (heard.length < count) await client.query("select 1");
    return heard;
  };

  it("delivers a committed NOTIFY to the clients listening on its channel, not to the sender", async () => {
    const a = await connect();
    const b = await connect();
    const sender = await connect();
    await a.client.query("listen lumen_live");
    await b.client.query('LISTEN "other"');
    await sender.client.query("select pg_notify('lumen_live', 'one')");
    await sender.client.query("begin");
    await sender.client.query("select pg_notify('lumen_live', 'rolled back')");
    await sender.client.query("rollback");
    await sender.client.query("begin");
    await sender.client.query("select pg_notify('lumen_live', 'two'), pg_notify('other', 'x')");
    await sender.client.query("commit");
    expect(await until(a.client, a.heard, 2)).toEqual(["lumen_live:one", "lumen_live:two"]);
    expect(await until(b.client, b.heard, 1)).toEqual(["other:x"]);
    await sender.client.query("select 1");
    expect(sender.heard).toEqual([]);

    // One client's UNLISTEN (and another's departure) leaves the other listeners listening.
    const c = await connect();
    await c.client.query("listen lumen_live");
    await a.client.query("unlisten lumen_live");
    await b.client.end();
    await sender.client.query("select pg_notify('lumen_live', 'three')");
    expect(await until(c.client, c.heard, 1)).toEqual(["lumen_live:three"]);
    await a.client.query("select 1");
    expect(a.heard).toEqual(["lumen_live:one", "lumen_live:two"]);
  });
});
