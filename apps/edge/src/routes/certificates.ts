import { certificateRecordSchema, issuerJwks, issuerProfileDocument } from "@lumen/credentials";
import { negotiateLocale } from "@lumen/shared";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { type CheckContext, checkCertificate } from "../certificates/check";
import { certificatePage } from "../certificates/html/certificate-page";
import { pageHeaders } from "../certificates/html/layout";
import { receiveCertificate } from "../certificates/receive-certificate";
import type { AppEnv } from "../env";
import { errorBody } from "../errors";
import { requireInternalSecret } from "../middleware/require-internal-secret";

/** Certificate ids are UUIDs; anything else is simply not a certificate (404, like unknown). */
const certificateId = z.uuid().transform((id) => id.toLowerCase());

const noStore = { "cache-control": "no-store" };
/** Public, read-only JSON: any site or tool may call it from a browser. */
const publicJson = { "access-control-allow-origin": "*", "cache-control": "no-cache" };

function checkContext(c: Context<AppEnv>): CheckContext {
  const { env } = c;
  return {
    kv: env.CERTIFICATES_KV,
    postgres: env.DATABASE_URL ? { url: env.DATABASE_URL, wsProxy: env.NEON_WS_PROXY } : undefined,
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
    log: c.var.log,
    trust: { keys: env.issuerKeys, issuerId: env.ISSUER_ID },
    cache: caches.default,
    origin: new URL(c.req.url).origin,
    timing: c.var.timing,
  };
}

function notACertificate(id: string) {
  const check = { kind: "unknown", id, checkedAt: new Date().toISOString() } as const;
  return { check, cache: "MISS" as const };
}

/**
 * Public certificate verification (DESIGN.md §2.6, §4): the JSON contract, the human page the
 * QR code points at, the issuer's keys and profile, and the internal publish endpoint. Answers
 * from the verdict cache, KV or Postgres only, never from the origin API.
 */
export const certificates = new Hono<AppEnv>()
  .get("/certificates/:id/verify", async (c) => {
    const id = certificateId.safeParse(c.req.param("id"));
    const headers = { ...publicJson, "x-content-type-options": "nosniff" };
    if (!id.success) {
      return c.json(errorBody("not_found", "No certificate has this id."), 404, headers);
    }
    const { check, cache } = await checkCertificate(checkContext(c), id.data);
    const marked = { ...headers, "x-lumen-cache": cache };
    if (check.kind === "verified") return c.json(check.verification, 200, marked);
    if (check.kind === "unknown") {
      return c.json(errorBody("not_found", "No certificate has this id."), 404, marked);
    }
    return c.json(
      errorBody("unavailable", "Certificates cannot be checked right now; try again shortly."),
      503,
      { ...marked, "cache-control": "no-store", "retry-after": "30" },
    );
  })
  .get("/certificates/:id", async (c) => {
    const id = certificateId.safeParse(c.req.param("id"));
    const { check, cache } = id.success
      ? await checkCertificate(checkContext(c), id.data)
      : notACertificate(c.req.param("id"));
    // The page speaks the visitor's language; the verdict (cached) is the same in every one.
    const locale = negotiateLocale(c.req.header("accept-language"));
    const page = await certificatePage(check, locale);
    const headers = {
      ...(await pageHeaders()),
      "content-language": locale,
      vary: "Accept-Language",
      "x-lumen-cache": cache,
    };
    if (page.status === 503) Object.assign(headers, { ...noStore, "retry-after": "30" });
    return c.html(page.body, page.status, headers);
  })
  .get("/.well-known/jwks.json", (c) =>
    // Keys change only with a deploy. Rotation publishes the new key here first and lets this
    // max-age pass before the API signs with it, so no outside verifier holds a set without it.
    c.json(issuerJwks(c.env.issuerKeys), 200, {
      "access-control-allow-origin": "*",
      "cache-control": "public, max-age=300",
    }),
  )
  // The issuer id (env validation makes it this path): the Open Badges Profile, listing every
  // published key as the verification method `<issuer id>#<kid>` that new credentials name.
  .get("/issuer", (c) => {
    const { ISSUER_ID: id, ISSUER_NAME: name, issuerKeys } = c.env;
    const profile = issuerProfileDocument({ id, name, url: new URL(id).origin }, issuerKeys);
    return c.json(profile, 200, {
      "access-control-allow-origin": "*",
      // As the JWKS: a rotation publishes the new key here before anything is signed with it.
      "cache-control": "public, max-age=300",
    });
  })
  .put("/internal/certificates/:id", requireInternalSecret(), async (c) => {
    const id = certificateId.safeParse(c.req.param("id"));
    const record = certificateRecordSchema.safeParse(await c.req.json().catch(() => null));
    if (!id.success || !record.success || record.data.id.toLowerCase() !== id.data) {
      return c.json(
        errorBody("bad_request", "Expected a certificate record whose id matches the path."),
        400,
        noStore,
      );
    }
    const { env } = c;
    const received = await receiveCertificate(
      {
        kv: env.CERTIFICATES_KV,
        cache: caches.default,
        origin: new URL(c.req.url).origin,
        trust: { keys: env.issuerKeys, issuerId: env.ISSUER_ID },
      },
      { ...record.data, id: id.data },
    );
    return c.json(received, 200, noStore);
  });
