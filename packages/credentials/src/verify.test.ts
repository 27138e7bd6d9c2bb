import { base64url, CompactSign } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCredential } from "./credential";
import { DEV_ISSUER_KID, DEV_ISSUER_PUBLIC_KEYS, DEV_ISSUER_SIGNING_KEYS } from "./dev-keys";
import { parseIssuerKeys } from "./issuer-keys";
import type { PublicJwk } from "./jwk";
import { signCredential } from "./sign";
import { generateIssuerKey, importSigningKeys, type SigningKeyRing } from "./signing-keys";
import { facts, ISSUER } from "./testing";
import { verifyCredential } from "./verify";

const expected = { issuerId: ISSUER.id };

async function ringOf(...kids: string[]): Promise<{ ring: SigningKeyRing; spec: unknown[] }> {
  const spec = await Promise.all(
    kids.map(async (kid) => (await generateIssuerKey(kid)).privateJwk),
  );
  const current = kids.at(-1) ?? "";
  return { ring: await importSigningKeys(JSON.stringify(spec), current), spec };
}

function encode(json: unknown): string {
  return base64url.encode(JSON.stringify(json));
}

describe("verifyCredential", () => {
  let ring: SigningKeyRing;
  let jwt: string;
  beforeAll(async () => {
    ({ ring } = await ringOf("k-2026-01"));
    jwt = await signCredential(buildCredential(facts()), ring.current);
  });

  it("accepts a credential it signed and returns its summary", async () => {
    const result = await verifyCredential(jwt, ring.publicKeys, {
      ...expected,
      certificateId: facts().certificateId,
    });
    expect(result).toEqual({
      valid: true,
      kid: "k-2026-01",
      credential: buildCredential(facts()),
      summary: {
        certificateId: facts().certificateId,
        learnerName: "Ada Lovelace",
        courseTitle: "Analytical Engines 101",
        courseId: facts().course.id,
        issuedAt: "2026-11-21T10:30:00.000Z",
        validUntil: null,
        issuerName: "Lumen",
        issuerId: ISSUER.id,
      },
    });
  });

  it("writes the VC-JWT protected header, its kid a URL under the issuer id", () => {
    const [header] = jwt.split(".");
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(header ?? "")))).toEqual({
      alg: "EdDSA",
      typ: "vc+jwt",
      cty: "vc",
      kid: "https://lumen.localhost/issuer#k-2026-01",
    });
  });

  it("puts iss, jti and nbf beside the credential, and exp only with a validUntil", async () => {
    const payloadOf = (token: string) =>
      JSON.parse(new TextDecoder().decode(base64url.decode(token.split(".")[1] ?? "")));
    const until = new Date("2027-11-21T10:30:00.000Z");
    const expiring = await signCredential(
      buildCredential(facts({ validUntil: until })),
      ring.current,
    );

    expect(payloadOf(jwt)).toEqual({
      ...buildCredential(facts()),
      iss: ISSUER.id,
      jti: `urn:uuid:${facts().certificateId}`,
      nbf: Date.parse("2026-11-21T10:30:00.000Z") / 1000,
    });
    expect(payloadOf(expiring)).toMatchObject({
      validUntil: until.toISOString(),
      nbf: Date.parse("2026-11-21T10:30:00.000Z") / 1000,
      exp: until.getTime() / 1000,
    });
  });

  it("rejects a credential whose learner name was changed as bad_signature", async () => {
    const [header, payload, signature] = jwt.split(".");
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload ?? "")));
    claims.credentialSubject.name = "Mallory";
    const tampered = [header, encode(claims), signature].join(".");
    expect(await verifyCredential(tampered, ring.publicKeys, expected)).toEqual({
      valid: false,
      reason: "bad_signature",
    });
  });

  it("rejects a signature by a key that is not published as unknown_key", async () => {
    const { ring: other } = await ringOf("k-other");
    const forged = await signCredential(buildCredential(facts()), other.current);
    expect(await verifyCredential(forged, ring.publicKeys, expected)).toEqual({
      valid: false,
      reason: "unknown_key",
    });
  });

  it("rejects a signature by another key under a published kid as bad_signature", async () => {
    const { ring: impostor } = await ringOf("k-2026-01");
    const forged = await signCredential(buildCredential(facts()), impostor.current);
    expect(await verifyCredential(forged, ring.publicKeys, expected)).toEqual({
      valid: false,
      reason: "bad_signature",
    });
    // The genuine credential still verifies: the key cache is not keyed by kid alone.
    expect((await verifyCredential(jwt, ring.publicKeys, expected)).valid).toBe(true);
    expect((await verifyCredential(forged, impostor.publicKeys, expected)).valid).toBe(true);
  });

  it("rejects a credential from another issuer as wrong_issuer", async () => {
    const foreign = buildCredential(
      facts({ issuer: { ...ISSUER, id: "https://evil.example/issuer" } }),
    );
    const token = await signCredential(foreign, ring.current);
    expect(await verifyCredential(token, ring.publicKeys, expected)).toEqual({
      valid: false,
      reason: "wrong_issuer",
    });
  });

  it("rejects a valid credential presented under another certificate id as bad_claims", async () => {
    const result = await verifyCredential(jwt, ring.publicKeys, {
      ...expected,
      certificateId: "11111111-2222-4333-8444-555555555555",
    });
    expect(result).toEqual({ valid: false, reason: "bad_claims" });
  });

  it("rejects a signed payload that is not an Open Badges credential as bad_claims", async () => {
    const token = await new CompactSign(new TextEncoder().encode(JSON.stringify({ sub: "x" })))
      .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: ring.current.kid })
      .sign(ring.current.privateKey);
    expect(await verifyCredential(token, ring.publicKeys, expected)).toEqual({
      valid: false,
      reason: "bad_claims",
    });
  });

  it("never accepts garbage, unsigned or HMAC tokens", async () => {
    const [, payload, signature] = jwt.split(".");
    const kid = ring.current.kid;
    const hmacKey = new TextEncoder().encode(ring.publicKeys[0]?.x);
    const hs256 = await new CompactSign(base64url.decode(payload ?? ""))
      .setProtectedHeader({ alg: "HS256", typ: "vc+jwt", kid })
      .sign(hmacKey);
    const tokens = [
      "",
      "not a jwt",
      "a.b.c",
      "..",
      `${encode({ alg: "none", typ: "vc+jwt", kid })}.${payload}.`,
      `${encode({ alg: "none", typ: "vc+jwt", kid })}.${payload}.${signature}`,
      `${encode({ alg: "EdDSA", typ: "JWT", kid })}.${payload}.${signature}`,
      `${encode({ alg: "EdDSA", typ: "vc+jwt" })}.${payload}.${signature}`,
      `${encode({ alg: "EdDSA", typ: "vc+jwt", kid, crit: ["b64"], b64: false })}.${payload}.${signature}`,
      `${jwt.split(".")[0]}.${payload}.`,
      `${jwt.split(".")[0]}.!!!.${signature}`,
      hs256,
      `${jwt}.extra`,
      `${jwt.slice(0, -4)}AAAA`,
    ];
    for (const token of tokens) {
      const result = await verifyCredential(token, ring.publicKeys, expected);
      expect(result.valid, token).toBe(false);
      if (!result.valid) expect(["malformed", "bad_signature"], token).toContain(result.reason);
    }
  });

  it("keeps credentials signed with a rotated-out key valid while new ones use the new key", async () => {
    const { ring: rotated } = await ringOf("k-2026-01", "k-2026-06");
    const old = await signCredential(buildCredential(facts()), ring.current);
    const fresh = await signCredential(buildCredential(facts()), rotated.current);
    const published = parseIssuerKeys(
      JSON.stringify({ keys: [...ring.publicKeys, rotated.publicKeys[1]] }),
    );
    expect(rotated.current.kid).toBe("k-2026-06");
    expect(await verifyCredential(old, published, expected)).toMatchObject({
      valid: true,
      kid: "k-2026-01",
    });
    expect(await verifyCredential(fresh, published, expected)).toMatchObject({
      valid: true,
      kid: "k-2026-06",
    });
    // With the old key withdrawn from the list, the old credential is no longer verifiable.
    const newOnly: PublicJwk[] = published.filter((k) => k.kid === "k-2026-06");
    expect(await verifyCredential(old, newOnly, expected)).toEqual({
      valid: false,
      reason: "unknown_key",
    });
  });

  it("verifies with the committed development keys", async () => {
    const dev = await importSigningKeys(DEV_ISSUER_SIGNING_KEYS, DEV_ISSUER_KID);
    const token = await signCredential(buildCredential(facts()), dev.current);
    const result = await verifyCredential(token, parseIssuerKeys(DEV_ISSUER_PUBLIC_KEYS), expected);
    expect(result).toMatchObject({ valid: true, kid: DEV_ISSUER_KID });
    expect(dev.publicKeys).toEqual(parseIssuerKeys(DEV_ISSUER_PUBLIC_KEYS));
  });
});
