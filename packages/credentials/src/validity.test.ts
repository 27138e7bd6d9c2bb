import { base64url, CompactSign } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCredential } from "./credential";
import { DEV_ISSUER_PUBLIC_KEYS } from "./dev-keys";
import { parseIssuerKeys } from "./issuer-keys";
import { registeredClaims } from "./jwt-claims";
import { signCredential } from "./sign";
import { generateIssuerKey, importSigningKeys, type SigningKeyRing } from "./signing-keys";
import { facts, ISSUER, LEGACY_CERTIFICATE } from "./testing";
import { verifyCredential } from "./verify";

const NOW = new Date("2027-03-01T12:00:00.000Z");
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

let ring: SigningKeyRing;
beforeAll(async () => {
  const { privateJwk } = await generateIssuerKey("k-validity");
  ring = await importSigningKeys(JSON.stringify([privateJwk]), "k-validity");
});

async function verifyAtNow(overrides: Parameters<typeof facts>[0]) {
  const jwt = await signCredential(buildCredential(facts(overrides)), ring.current);
  return verifyCredential(jwt, ring.publicKeys, { issuerId: ISSUER.id, now: NOW });
}

/** Signs `payload` as it stands (claims included), with the current key and a kid URL. */
function signRaw(payload: unknown, kid = `${ISSUER.id}#k-validity`) {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", cty: "vc", kid })
    .sign(ring.current.privateKey);
}

describe("validity period", () => {
  it("a credential whose validFrom is a year ahead is invalid: not_yet_valid", async () => {
    expect(await verifyAtNow({ issuedAt: at(365 * DAY) })).toEqual({
      valid: false,
      reason: "not_yet_valid",
    });
  });

  it("a credential whose validUntil was yesterday is expired, with its facts", async () => {
    const result = await verifyAtNow({ issuedAt: at(-30 * DAY), validUntil: at(-DAY) });

    expect(result).toMatchObject({
      valid: false,
      reason: "expired",
      kid: "k-validity",
      summary: { learnerName: "Ada Lovelace", validUntil: at(-DAY).toISOString() },
    });
  });

  it("tolerates the stated clock skew of 60 s either side, and no more", async () => {
    expect((await verifyAtNow({ issuedAt: at(50_000) })).valid).toBe(true);
    expect(await verifyAtNow({ issuedAt: at(70_000) })).toMatchObject({ reason: "not_yet_valid" });
    const issuedAt = at(-DAY);
    expect((await verifyAtNow({ issuedAt, validUntil: at(-50_000) })).valid).toBe(true);
    expect(await verifyAtNow({ issuedAt, validUntil: at(-70_000) })).toMatchObject({
      reason: "expired",
    });
  });

  it("a credential valid until next year is valid now", async () => {
    expect(await verifyAtNow({ issuedAt: at(-DAY), validUntil: at(365 * DAY) })).toMatchObject({
      valid: true,
      summary: { validUntil: at(365 * DAY).toISOString() },
    });
  });
});

describe("registered claims", () => {
  const credential = () => buildCredential(facts({ issuedAt: at(-DAY) }));

  it("a nbf or exp that disagrees with validFrom/validUntil is bad_claims", async () => {
    const c = credential();
    const claims = registeredClaims(c);
    for (const edit of [{ nbf: claims.nbf - 3600 }, { exp: claims.nbf + 60 }, { iss: "x" }]) {
      const jwt = await signRaw({ ...c, ...claims, ...edit });
      const result = await verifyCredential(jwt, ring.publicKeys, {
        issuerId: ISSUER.id,
        now: NOW,
      });
      expect({ edit, result }).toEqual({ edit, result: { valid: false, reason: "bad_claims" } });
    }
  });

  it("a kid URL under another issuer's id is bad_claims", async () => {
    const c = credential();
    const jwt = await signRaw(
      { ...c, ...registeredClaims(c) },
      "https://evil.example/i#k-validity",
    );

    expect(await verifyCredential(jwt, ring.publicKeys, { issuerId: ISSUER.id, now: NOW })).toEqual(
      { valid: false, reason: "bad_claims" },
    );
  });
});

describe("certificates issued before issue 9", () => {
  it("signed with a since-rotated key under its bare kid, still verify next to new ones", async () => {
    const { privateJwk } = await generateIssuerKey("k-2026-new");
    const rotated = await importSigningKeys(JSON.stringify([privateJwk]), "k-2026-new");
    const published = [...ring.publicKeys, ...rotated.publicKeys];
    const c = buildCredential(facts());
    // The pre-issue-9 form: credential only, no claims, kid "k-validity" (no URL).
    const old = await new CompactSign(new TextEncoder().encode(JSON.stringify(c)))
      .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", cty: "vc", kid: "k-validity" })
      .sign(ring.current.privateKey);
    const fresh = await signCredential(c, rotated.current);

    const expected = { issuerId: ISSUER.id };
    expect(await verifyCredential(old, published, expected)).toMatchObject({
      valid: true,
      kid: "k-validity",
    });
    expect(await verifyCredential(fresh, published, expected)).toMatchObject({
      valid: true,
      kid: "k-2026-new",
    });
  });

  it("still verify as before: bare kid, no status, no claims, same facts", async () => {
    const [header, payload] = LEGACY_CERTIFICATE.jwt.split(".");
    const decode = (part = "") => JSON.parse(new TextDecoder().decode(base64url.decode(part)));
    expect(decode(header).kid).toBe("dev-2026-11");
    expect(Object.keys(decode(payload))).not.toContain("nbf");
    expect(Object.keys(decode(payload))).not.toContain("credentialStatus");

    const result = await verifyCredential(
      LEGACY_CERTIFICATE.jwt,
      parseIssuerKeys(DEV_ISSUER_PUBLIC_KEYS),
      { issuerId: ISSUER.id, certificateId: LEGACY_CERTIFICATE.id },
    );

    expect(result).toMatchObject({
      valid: true,
      kid: "dev-2026-11",
      summary: {
        certificateId: LEGACY_CERTIFICATE.id,
        learnerName: LEGACY_CERTIFICATE.learnerName,
        courseTitle: LEGACY_CERTIFICATE.courseTitle,
        courseId: LEGACY_CERTIFICATE.courseId,
        issuedAt: LEGACY_CERTIFICATE.issuedAt,
        validUntil: null,
      },
    });
  });
});
