import { DEV_ISSUER_PUBLIC_KEYS } from "@lumen/credentials/dev-keys";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  edgeAt,
  newIssuerKey,
  originDown,
  publish,
  signedCertificate,
  verify,
  watchOrigin,
} from "./signed-certificates";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Edits the payload of a compact JWS and keeps the original signature. */
function tamper(jwt: string, edit: (payload: { credentialSubject: { name: string } }) => void) {
  const [header, payload, signature] = jwt.split(".");
  const decoded = JSON.parse(atob((payload ?? "").replace(/-/g, "+").replace(/_/g, "/")));
  edit(decoded);
  const encoded = btoa(JSON.stringify(decoded))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  return `${header}.${encoded}.${signature}`;
}

const invalidBecause = (reason: string) => ({
  status: "invalid",
  reason,
  certificate: null,
  revocation: null,
  keyId: null,
});

describe("GET /certificates/:id/verify, with the origin API down in every test", () => {
  it("the origin really is unreachable here", async () => {
    await expect(fetch(`${originDown.ORIGIN_API_URL}/healthz`)).rejects.toThrow();
  });

  it("a published certificate signed with the issuer's key is valid, without asking the origin", async () => {
    const origin = watchOrigin();
    const cert = await signedCertificate();
    expect((await publish(cert)).status).toBe(200);

    const { res, body } = await verify(cert.id);

    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(body).toEqual({
      id: cert.id,
      status: "valid",
      reason: null,
      checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      certificate: {
        learnerName: "Ada Lovelace",
        courseTitle: "Analytical Engines 101",
        courseId: cert.courseId,
        issuedAt: "2026-11-21T10:30:00.000Z",
        validUntil: null,
        issuer: { id: "https://lumen.localhost/issuer", name: "Lumen" },
      },
      revocation: null,
      keyId: "dev-2026-11",
      statusList: null,
      credential: cert.credential,
    });
    expect(origin.calls).toEqual([]);
  });

  it("answers a repeat from the verdict cache (HIT) with the same answer", async () => {
    const cert = await signedCertificate();
    await publish(cert);

    const first = await verify(cert.id);
    const second = await verify(cert.id);

    expect(first.res.headers.get("x-lumen-cache")).toBe("MISS");
    expect(second.res.headers.get("x-lumen-cache")).toBe("HIT");
    expect(second.body).toEqual(first.body);
  });

  it("a credential whose payload was edited after signing is invalid, never valid", async () => {
    const cert = await signedCertificate();
    const forged = tamper(cert.credential, (p) => {
      p.credentialSubject.name = "Mallory";
    });
    await publish({ ...cert, credential: forged });

    const { res, body } = await verify(cert.id);

    expect(res.status).toBe(200);
    expect(body).toMatchObject({ id: cert.id, ...invalidBecause("bad_signature") });
    expect(JSON.stringify(body)).not.toContain('"learnerName"');
  });

  it("a credential signed with a key the issuer never published is invalid", async () => {
    const { key } = await newIssuerKey("rogue-1");
    const cert = await signedCertificate({ key });
    await publish(cert);

    expect((await verify(cert.id)).body).toMatchObject(invalidBecause("unknown_key"));
  });

  it("a credential signed with another key under the published kid is invalid", async () => {
    const { key } = await newIssuerKey("dev-2026-11");
    const cert = await signedCertificate({ key });
    await publish(cert);

    expect((await verify(cert.id)).body).toMatchObject(invalidBecause("bad_signature"));
  });

  it("after a key rotation both the old and the new key's certificates are valid", async () => {
    const next = await newIssuerKey("prod-2027-01");
    const published = JSON.parse(DEV_ISSUER_PUBLIC_KEYS).keys;
    const rotated = {
      ...originDown,
      ISSUER_KEYS: JSON.stringify({ keys: [...published, next.publicJwk] }),
    };
    const old = await signedCertificate();
    const fresh = await signedCertificate({ key: next.key });
    await publish(old);
    await publish(fresh);

    const oldAnswer = await verify(old.id, rotated);
    const freshAnswer = await verify(fresh.id, rotated);

    expect(oldAnswer.body).toMatchObject({ status: "valid", keyId: "dev-2026-11" });
    expect(freshAnswer.body).toMatchObject({ status: "valid", keyId: "prod-2027-01" });
  });

  it("a revoked certificate is revoked, with the date and reason", async () => {
    const cert = await signedCertificate();
    const revokedAt = "2026-12-01T09:00:00.000Z";
    await publish({ ...cert, revokedAt, revokedReason: "Academic misconduct" });

    const { body } = await verify(cert.id);

    expect(body).toMatchObject({
      status: "revoked",
      reason: "revoked",
      certificate: { learnerName: "Ada Lovelace" },
      revocation: { revokedAt, reason: "Academic misconduct" },
      keyId: "dev-2026-11",
    });
  });

  it("a credential naming another issuer is invalid", async () => {
    const cert = await signedCertificate({ issuerId: "https://evil.example/issuer" });
    await publish(cert);

    expect((await verify(cert.id)).body).toMatchObject(invalidBecause("wrong_issuer"));
  });

  it("a genuine credential published under another certificate's id is invalid", async () => {
    const genuine = await signedCertificate();
    const other = crypto.randomUUID();
    await publish({ ...genuine, id: other });

    expect((await verify(other)).body).toMatchObject(invalidBecause("bad_claims"));
  });

  it("an unknown id and an id that is not a UUID are 404 JSON", async () => {
    const unknown = await verify(crypto.randomUUID());
    const malformed = await verify("not-a-certificate");

    for (const { res, body } of [unknown, malformed]) {
      expect(res.status).toBe(404);
      expect(body).toEqual({
        error: { code: "not_found", message: "No certificate has this id." },
      });
    }
  });
});

describe("issuer keys and profile", () => {
  it("GET /.well-known/jwks.json publishes the public keys, cacheable", async () => {
    const res = await edgeAt("/.well-known/jwks.json");

    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect(await res.json()).toEqual(JSON.parse(DEV_ISSUER_PUBLIC_KEYS));
  });

  it("GET /issuer is the Open Badges profile of the issuer id credentials name", async () => {
    const res = await edgeAt("/issuer");

    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toMatchObject({
      id: "https://lumen.localhost/issuer",
      type: ["Profile"],
      name: "Lumen",
    });
  });

  it("the kid a new credential names resolves, in the profile, to the published key", async () => {
    const cert = await signedCertificate();
    const header = JSON.parse(
      atob((cert.credential.split(".")[0] ?? "").replace(/-/g, "+").replace(/_/g, "/")),
    );
    const profile = (await (await edgeAt("/issuer")).json()) as {
      verificationMethod: Array<{
        id: string;
        type: string;
        controller: string;
        publicKeyJwk: unknown;
      }>;
      assertionMethod: string[];
    };
    const [published] = JSON.parse(DEV_ISSUER_PUBLIC_KEYS).keys;

    expect(header.kid).toBe("https://lumen.localhost/issuer#dev-2026-11");
    const method = profile.verificationMethod.find((m) => m.id === header.kid);
    expect(method).toEqual({
      id: header.kid,
      type: "JsonWebKey",
      controller: "https://lumen.localhost/issuer",
      publicKeyJwk: { kty: "OKP", crv: "Ed25519", x: published.x },
    });
    expect(profile.assertionMethod).toContain(header.kid);
  });
});
