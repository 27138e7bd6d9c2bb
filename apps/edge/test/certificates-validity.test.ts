import { LEGACY_CERTIFICATE } from "@lumen/credentials/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { edgeAt, publish, signedCertificate, verify } from "./signed-certificates";

afterEach(() => {
  vi.restoreAllMocks();
});

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

async function page(id: string) {
  const res = await edgeAt(`/certificates/${id}`);
  return { status: res.status, html: await res.text() };
}

describe("validity dates at the edge (origin API down)", () => {
  it("a credential whose validFrom is a year ahead is invalid (not_yet_valid), JSON and page", async () => {
    const cert = await signedCertificate({ issuedAt: daysFromNow(365) });
    await publish(cert);

    const { body } = await verify(cert.id);
    const { html } = await page(cert.id);

    expect(body).toMatchObject({
      status: "invalid",
      reason: "not_yet_valid",
      certificate: null,
      keyId: null,
    });
    expect(html).toContain("<h1>Invalid certificate</h1>");
    expect(html).toContain("This credential is not valid yet: do not rely on it.");
    expect(html).not.toContain("Ada Lovelace");
  });

  it("a credential whose validUntil was yesterday is expired, its own verdict in JSON and page", async () => {
    const validUntil = daysFromNow(-1);
    const cert = await signedCertificate({ issuedAt: daysFromNow(-30), validUntil });
    await publish(cert);

    const { res, body } = await verify(cert.id);
    const { status, html } = await page(cert.id);

    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      status: "expired",
      reason: "expired",
      certificate: { learnerName: "Ada Lovelace", validUntil: validUntil.toISOString() },
      revocation: null,
      keyId: "dev-2026-11",
    });
    expect(status).toBe(200);
    expect(html).toContain("<h1>Expired certificate</h1>");
    expect(html).toContain("<title>Expired certificate: Analytical Engines 101 · Lumen</title>");
    expect(html).toContain('<p class="label"><span aria-hidden="true">⌛</span> EXPIRED</p>');
    expect(html).toContain("<dt>Valid until</dt>");
    expect(html).not.toMatch(/<\/span> (VALID|INVALID)<\/p>/);
  });

  it("a credential valid until next year is valid, and says until when", async () => {
    const validUntil = daysFromNow(365);
    const cert = await signedCertificate({ issuedAt: daysFromNow(-1), validUntil });
    await publish(cert);

    expect((await verify(cert.id)).body).toMatchObject({
      status: "valid",
      certificate: { validUntil: validUntil.toISOString() },
    });
  });

  it("a revoked credential that has also expired reads as revoked", async () => {
    const cert = await signedCertificate({
      issuedAt: daysFromNow(-30),
      validUntil: daysFromNow(-1),
    });
    await publish({ ...cert, revokedAt: daysFromNow(-10).toISOString(), revokedReason: "Fraud" });

    expect((await verify(cert.id)).body).toMatchObject({ status: "revoked", reason: "revoked" });
  });
});

describe("certificates issued before issue 9", () => {
  it("verify exactly as before: valid, bare kid, no status list, no validUntil", async () => {
    const { id, jwt } = LEGACY_CERTIFICATE;
    await publish({ id, credential: jwt, revokedAt: null, revokedReason: null });

    const { body } = await verify(id);

    expect(body).toEqual({
      id,
      status: "valid",
      reason: null,
      checkedAt: expect.any(String),
      certificate: {
        learnerName: LEGACY_CERTIFICATE.learnerName,
        courseTitle: LEGACY_CERTIFICATE.courseTitle,
        courseId: LEGACY_CERTIFICATE.courseId,
        issuedAt: LEGACY_CERTIFICATE.issuedAt,
        validUntil: null,
        issuer: { id: "https://lumen.localhost/issuer", name: "Lumen" },
      },
      revocation: null,
      keyId: "dev-2026-11",
      statusList: null,
      credential: jwt,
    });
  });
});
