import { statusListRecordSchema } from "@lumen/credentials";
import { Hono } from "hono";
import { z } from "zod";
import { receiveStatusList } from "../certificates/receive-status-list";
import { lookupStatusList } from "../certificates/status-list-store";
import type { AppEnv } from "../env";
import { errorBody } from "../errors";
import { requireInternalSecret } from "../middleware/require-internal-secret";

const listNumber = z.coerce.number().int().min(1).max(999_999_999);
const noStore = { "cache-control": "no-store" };

/**
 * How long verifiers and shared caches may reuse a list. A minute, like the rest of certificate
 * verification: a revocation shows everywhere within about that (plus KV propagation).
 */
const LIST_MAX_AGE_SECONDS = 60;

/**
 * The issuer's W3C Bitstring Status Lists (revocation): `GET /status/:n` serves list n as a
 * VC-JWT (media type application/vc+jwt) from KV or Postgres, never the origin API; the job
 * runner publishes each new version with `PUT /internal/status-lists/:n`.
 */
export const statusLists = new Hono<AppEnv>()
  .get("/status/:list", async (c) => {
    const list = listNumber.safeParse(c.req.param("list"));
    const cors = { "access-control-allow-origin": "*" };
    if (!list.success) return c.json(errorBody("not_found", "No such status list."), 404, cors);
    const { env } = c;
    const found = await lookupStatusList(
      {
        kv: env.CERTIFICATES_KV,
        postgres: env.DATABASE_URL
          ? { url: env.DATABASE_URL, wsProxy: env.NEON_WS_PROXY }
          : undefined,
        waitUntil: (promise) => c.executionCtx.waitUntil(promise),
        log: c.var.log,
      },
      list.data,
    );
    if (found.kind === "unknown") {
      return c.json(errorBody("not_found", "No such status list."), 404, { ...cors, ...noStore });
    }
    if (found.kind === "unavailable") {
      return c.json(
        errorBody("unavailable", "Status lists cannot be read right now; try again shortly."),
        503,
        { ...cors, ...noStore, "retry-after": "30" },
      );
    }
    const etag = `"${found.record.list}-${found.record.version}"`;
    const headers = {
      ...cors,
      "cache-control": `public, max-age=${LIST_MAX_AGE_SECONDS}`,
      etag,
      "x-content-type-options": "nosniff",
    };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    return c.body(found.record.credential, 200, {
      ...headers,
      "content-type": "application/vc+jwt",
    });
  })
  .put("/internal/status-lists/:list", requireInternalSecret(), async (c) => {
    const list = listNumber.safeParse(c.req.param("list"));
    const record = statusListRecordSchema.safeParse(await c.req.json().catch(() => null));
    if (!list.success || !record.success || record.data.list !== list.data) {
      const message = "Expected a status list record whose list matches the path.";
      return c.json(errorBody("bad_request", message), 400, noStore);
    }
    const { env } = c;
    const received = await receiveStatusList(
      { kv: env.CERTIFICATES_KV, trust: { keys: env.issuerKeys, issuerId: env.ISSUER_ID } },
      record.data,
    );
    if (!received.ok) {
      const message = `The list does not verify against this edge's ISSUER_KEYS and ISSUER_ID (${received.reason}).`;
      return c.json(errorBody("invalid_status_list", message), 422, noStore);
    }
    return c.json(received, 200, noStore);
  });
