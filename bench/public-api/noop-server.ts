/**
 * The public-api bench's floor: an HTTP server on the API's stack (Hono on @hono/node-server,
 * one Node process) that reads each request's body and answers 200 with a small JSON body,
 * doing no work — no session or key lookup, no validation, no database. Run as a child
 * process by startNoopServer (bench/public-api/floor.ts); prints its URL on stdout when ready.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.all("*", async (c) => {
  await c.req.text();
  return c.json({ ok: true });
});

const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => {
  console.log(`http://127.0.0.1:${info.port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
