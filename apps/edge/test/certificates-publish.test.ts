import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { VERDICT_TTL_MS } from "../src/certificates/verdict-cache";
import { newIssuerKey, publish, signedCertificate, verify } from "./signed-certificates";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const stored = (id: string) => env.CERTIFICATES_KV.get(`cert:${id}`, "json");
const revocation = { revokedAt: "2026-12-01T09:00:00.000Z", revokedReason: "Issued in error" };

describe("PUT /internal/certificates/:id (the API's job runner publishing)", () => {
  it("refuses a missing or wrong secret with 401 and stores nothing", async () => {
    const cert = await signedCertificate();

    const wrong = await publish(cert, { secret: "not-the-purge-secret-not-the-purge-secret" });
    const missing = await publish(cert, { secret: "" });

    expect([wrong.status, missing.status]).toEqual([401, 401]);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await stored(cert.id)).toBeNull();
  });

  it("rejects a body that is not a record, or whose id is not the path's, with 400", async () => {
    const cert = await signedCertificate();
    const elsewhere = `/internal/certificates/${crypto.randomUUID()}`;

    const mismatch = await publish(cert, { path: elsewhere });
    const notRecord = await publish({ ...cert, revokedAt: "yesterday" });

    expect([mismatch.status, notRecord.status]).toEqual([400, 400]);
    expect(await stored(cert.id)).toBeNull();
  });

  it("stores the record in KV and answers with the status it verifies to", async () => {
    const cert = await signedCertificate();
    const rogue = await signedCertificate({ key: (await newIssuerKey("rogue-2")).key });

    const ok = await publish(cert);
    const mismatched = await publish(rogue);

    expect(await ok.json()).toEqual({ id: cert.id, status: "valid" });
    // A key the edge does not publish shows at publish time, not when an employer looks.
    expect(await mismatched.json()).toEqual({ id: rogue.id, status: "invalid" });
    expect(await stored(cert.id)).toEqual({
      id: cert.id,
      credential: cert.credential,
      revokedAt: null,
      revokedReason: null,
    });
  });

  it("a revocation published after a cached valid answer shows at once here (the purge)", async () => {
    const cert = await signedCertificate();
    await publish(cert);
    await verify(cert.id);
    expect((await verify(cert.id)).res.headers.get("x-lumen-cache")).toBe("HIT");

    await publish({ ...cert, ...revocation });
    const after = await verify(cert.id);

    expect(after.res.headers.get("x-lumen-cache")).toBe("MISS");
    expect(after.body).toMatchObject({
      status: "revoked",
      revocation: { reason: "Issued in error" },
    });
  });

  it("a revocation that reached KV but not this data centre's cache shows once the verdict TTL passes", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const cert = await signedCertificate();
    await publish(cert);
    await verify(cert.id);
    // As if published through another data centre: KV changes, this cache is not purged.
    await env.CERTIFICATES_KV.put(`cert:${cert.id}`, JSON.stringify({ ...cert, ...revocation }));

    vi.setSystemTime(Date.now() + VERDICT_TTL_MS - 1_000);
    const stillCached = await verify(cert.id);
    vi.setSystemTime(Date.now() + 2_000);
    const expired = await verify(cert.id);

    expect(VERDICT_TTL_MS).toBeLessThanOrEqual(30_000);
    expect(stillCached.res.headers.get("x-lumen-cache")).toBe("HIT");
    expect(stillCached.body).toMatchObject({ status: "valid" });
    expect(expired.res.headers.get("x-lumen-cache")).toBe("MISS");
    expect(expired.body).toMatchObject({ status: "revoked" });
  });

  it("revocation is final: a late publish of the unrevoked record does not undo it", async () => {
    const cert = await signedCertificate();
    await publish({ ...cert, ...revocation });

    const late = await publish(cert);

    expect(await late.json()).toEqual({ id: cert.id, status: "revoked" });
    expect(await stored(cert.id)).toMatchObject(revocation);
    expect((await verify(cert.id)).body).toMatchObject({ status: "revoked" });
  });
});
