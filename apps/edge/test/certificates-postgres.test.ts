import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { insertCertificateRow, suiteCourseId } from "./certificate-postgres";
import {
  edgeAt,
  originDown,
  publish,
  signedCertificate,
  verify,
  watchOrigin,
} from "./signed-certificates";

afterEach(() => {
  vi.restoreAllMocks();
});

const stored = (id: string) => env.CERTIFICATES_KV.get(`cert:${id}`, "json");
/** Postgres unreachable: the WebSocket proxy address points at a port nothing listens on. */
const postgresDown = { ...originDown, NEON_WS_PROXY: new URL(originDown.ORIGIN_API_URL).host };
const noFallback = { ...originDown, DATABASE_URL: undefined, NEON_WS_PROXY: undefined };
const cert = () => signedCertificate({ courseId: suiteCourseId });
/** A KV outage cannot be produced locally, so this stub stands in for one. */
const failingKv = {
  get: () => Promise.reject(new Error("KV unavailable")),
  put: () => Promise.reject(new Error("KV unavailable")),
  delete: () => Promise.reject(new Error("KV unavailable")),
  list: () => Promise.reject(new Error("KV unavailable")),
};

describe("Postgres fallback through the Neon serverless driver, origin API down", () => {
  it("a certificate missing from KV is read from Postgres, verified, and written into KV", async () => {
    const origin = watchOrigin();
    const issued = await cert();
    await insertCertificateRow(issued);
    expect(await stored(issued.id)).toBeNull();

    const { res, body } = await verify(issued.id);

    expect(res.status).toBe(200);
    expect(body).toMatchObject({ id: issued.id, status: "valid", keyId: "dev-2026-11" });
    expect(await stored(issued.id)).toEqual({
      id: issued.id,
      credential: issued.credential,
      revokedAt: null,
      revokedReason: null,
    });
    expect(origin.calls).toEqual([]);
  });

  it("a revoked row is revoked, with the date and reason from Postgres", async () => {
    const issued = await cert();
    const at = new Date("2026-12-02T08:15:00.000Z");
    await insertCertificateRow(issued, { at, reason: "Duplicate account" });

    const { body } = await verify(issued.id);

    expect(body).toMatchObject({
      status: "revoked",
      revocation: { revokedAt: at.toISOString(), reason: "Duplicate account" },
    });
  });

  it("an id in neither KV nor Postgres is 404", async () => {
    const { res } = await verify(crypto.randomUUID());
    expect(res.status).toBe(404);
  });

  it("with Postgres unreachable and nothing in KV, answers 503 (not 404) and caches nothing", async () => {
    const issued = await cert();
    await insertCertificateRow(issued);

    const down = await verify(issued.id, postgresDown);
    const back = await verify(issued.id);

    expect(down.res.status).toBe(503);
    expect(down.res.headers.get("cache-control")).toBe("no-store");
    expect(down.body).toMatchObject({ error: { code: "unavailable" } });
    expect(back.res.status).toBe(200);
    expect(back.body).toMatchObject({ status: "valid" });
  });

  it("with Postgres unreachable, a certificate in KV still verifies", async () => {
    const issued = await cert();
    await publish(issued);

    const { res, body } = await verify(issued.id, postgresDown);

    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "valid" });
  });

  it("without DATABASE_URL there is no fallback: a KV miss is 404", async () => {
    const issued = await cert();
    await insertCertificateRow(issued);

    const res = await edgeAt(`/certificates/${issued.id}/verify`, undefined, noFallback);

    expect(res.status).toBe(404);
  });

  it("when KV cannot be read (simulated outage), Postgres still answers", async () => {
    const issued = await cert();
    await insertCertificateRow(issued);

    const { res, body } = await verify(issued.id, { ...originDown, CERTIFICATES_KV: failingKv });

    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "valid" });
  });

  it("when KV cannot be read (simulated outage) and there is no fallback, answers 503, not 404", async () => {
    const kvDown = { ...noFallback, CERTIFICATES_KV: failingKv };

    const { res } = await verify(crypto.randomUUID(), kvDown);

    expect(res.status).toBe(503);
  });
});
