import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { edgeAt, publish, signedCertificate, verify } from "./signed-certificates";

const stored = (id: string) => env.CERTIFICATES_KV.get(`cert:${id}`, "json");
const WITHDRAWN_AT = "2026-12-20T08:00:00.000Z";

// A certificate withdrawn at its holder's request (account deleted, ADR 0027): the API
// publishes only its id and when; the edge answers "withdrawn" and never the holder again.
describe("a withdrawn certificate at the edge", () => {
  it("replaces the stored record and the cached verdict: revoked, reason withdrawn, no details", async () => {
    const cert = await signedCertificate({ learnerName: "Wanda Withdrawn" });
    await publish(cert);
    expect((await verify(cert.id)).body).toMatchObject({
      status: "valid",
      certificate: { learnerName: "Wanda Withdrawn" },
    });

    const res = await publish({ id: cert.id, withdrawnAt: WITHDRAWN_AT });
    expect(await res.json()).toEqual({ id: cert.id, status: "revoked" });
    expect(await stored(cert.id)).toEqual({ id: cert.id, withdrawnAt: WITHDRAWN_AT });

    const { body } = await verify(cert.id);
    expect(body).toMatchObject({
      id: cert.id,
      status: "revoked",
      reason: "withdrawn",
      certificate: null,
      credential: null,
      keyId: null,
      revocation: { revokedAt: WITHDRAWN_AT, reason: "Withdrawn at the holder's request" },
    });
    expect(JSON.stringify(body)).not.toContain("Wanda");
  });

  it("the page says it was withdrawn at the holder's request, without name or course", async () => {
    const cert = await signedCertificate({ learnerName: "Pat Private" });
    await publish({ id: cert.id, withdrawnAt: WITHDRAWN_AT });
    const page = await edgeAt(`/certificates/${cert.id}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("<h1>Withdrawn certificate</h1>");
    expect(html).toContain("Withdrawn at the holder’s request");
    expect(html).not.toContain("Pat Private");
    expect(html).not.toContain(cert.courseTitle);
  });

  it("a late publish of the issued record never brings the holder's details back", async () => {
    const cert = await signedCertificate({ learnerName: "Late Publish" });
    await publish({ id: cert.id, withdrawnAt: WITHDRAWN_AT });
    await publish(cert);
    expect(await stored(cert.id)).toEqual({ id: cert.id, withdrawnAt: WITHDRAWN_AT });
    expect((await verify(cert.id)).body).toMatchObject({ reason: "withdrawn", certificate: null });
  });
});
