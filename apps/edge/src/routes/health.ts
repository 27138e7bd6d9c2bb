import { Hono } from "hono";
import type { AppEnv } from "../env";

/** Liveness: answers without touching R2, KV or the origin, so it reflects the Worker only. */
export const health = new Hono<AppEnv>().get("/healthz", (c) => {
  c.header("Cache-Control", "no-store");
  return c.json({ status: "ok" as const, env: c.env.EDGE_ENV });
});
