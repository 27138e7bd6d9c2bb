/**
 * The HTTP limit of `pnpm bench progress`: the API's stack (Node, @hono/node-server, Hono)
 * answering POST PROGRESS_BEACON_PATH the way the API does — read the JSON body, answer the
 * result with every event accepted — but writing nothing and resolving no session.
 * What one process can acknowledge per second is the ceiling for the API on the same core.
 * Run as its own process (like the API): `tsx bench/progress/ack-server.ts <port>`.
 */
import { serve } from "@hono/node-server";
import { PROGRESS_BEACON_PATH } from "@lumen/shared/constants";
import { Hono } from "hono";

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error("usage: ack-server.ts <port>");

const app = new Hono();
app.get("/readyz", (c) => c.json({ status: "ready" }));
app.post(PROGRESS_BEACON_PATH, async (c) => {
  const body: unknown = await c.req.json();
  const events =
    typeof body === "object" && body !== null && "events" in body && Array.isArray(body.events)
      ? body.events.length
      : 0;
  return c.json({ accepted: events, duplicates: 0, rejected: [], courses: [], lessons: [] });
});

const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port });
process.on("SIGTERM", () => server.close(() => process.exit(0)));
