import { describe, expect, it } from "vitest";
import { isDevelopmentKid } from "./dev-keys";
import { CredentialKeyError } from "./errors";
import { issuerJwks, parseIssuerKeys } from "./issuer-keys";
import { generateIssuerKey, importSigningKeys, signingKeyIds } from "./signing-keys";

async function pair(kid: string) {
  return generateIssuerKey(kid);
}

/** Runs `fn`, expects a CredentialKeyError and checks it repeats no secret. */
async function keyError(fn: () => unknown, secrets: string[] = []): Promise<string> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CredentialKeyError);
    const message = (error as Error).message;
    for (const secret of secrets) expect(message).not.toContain(secret);
    return message;
  }
  throw new Error("expected a CredentialKeyError");
}

describe("parseIssuerKeys", () => {
  it("reads a JWKS and publishes only the public members", async () => {
    const { publicJwk } = await pair("k1");
    const keys = parseIssuerKeys(JSON.stringify({ keys: [{ ...publicJwk, extra: "x" }] }));
    expect(keys).toEqual([publicJwk]);
    expect(issuerJwks(keys)).toEqual({ keys: [publicJwk] });
  });

  it("refuses a key with its private part, without repeating it", async () => {
    const { privateJwk } = await pair("k1");
    const message = await keyError(
      () => parseIssuerKeys(JSON.stringify({ keys: [privateJwk] })),
      [privateJwk.d ?? ""],
    );
    expect(message).toContain("private key material");
  });

  it("refuses duplicate kids, other key types, empty sets and invalid JSON", async () => {
    const a = (await pair("k1")).publicJwk;
    const b = (await pair("k1")).publicJwk;
    expect(await keyError(() => parseIssuerKeys(JSON.stringify({ keys: [a, b] })))).toContain(
      "twice",
    );
    const p256 = { kty: "EC", crv: "P-256", x: "abc", y: "def", kid: "ec" };
    expect(await keyError(() => parseIssuerKeys(JSON.stringify({ keys: [p256] })))).toContain(
      "Ed25519",
    );
    expect(await keyError(() => parseIssuerKeys('{"keys":[]}'))).toContain("at least one");
    expect(await keyError(() => parseIssuerKeys("{nope"))).toContain("not valid JSON");
    expect(
      await keyError(() => parseIssuerKeys(JSON.stringify({ keys: [{ ...a, x: "short" }] }))),
    ).toContain('"x"');
  });
});

describe("importSigningKeys", () => {
  it("signs with the current key and lists every public key", async () => {
    const old = await pair("k-old");
    const current = await pair("k-new");
    const ring = await importSigningKeys(
      JSON.stringify([old.privateJwk, current.privateJwk]),
      "k-new",
    );
    expect(ring.current.kid).toBe("k-new");
    expect(ring.current.privateKey.extractable).toBe(false);
    expect(ring.publicKeys).toEqual([old.publicJwk, current.publicJwk]);
  });

  it("explains what is wrong without repeating key material", async () => {
    const a = await pair("k1");
    const b = await pair("k2");
    const secrets = [a.privateJwk.d ?? "", b.privateJwk.d ?? ""];
    const spec = JSON.stringify([a.privateJwk]);
    expect(await keyError(() => importSigningKeys(spec, "k9"), secrets)).toContain(
      '"k9" is not listed',
    );
    expect(await keyError(() => importSigningKeys(JSON.stringify([a.publicJwk]), "k1"))).toContain(
      '"d"',
    );
    const mismatched = JSON.stringify([{ ...a.privateJwk, d: b.privateJwk.d }]);
    expect(await keyError(() => importSigningKeys(mismatched, "k1"), secrets)).toContain(
      "does not belong",
    );
    const broken = `[${JSON.stringify(a.privateJwk)}`;
    expect(await keyError(() => importSigningKeys(broken, "k1"), secrets)).toContain(
      "not valid JSON",
    );
    expect(await keyError(() => importSigningKeys("[]", "k1"))).toContain("JSON array");
  });
});

describe("signingKeyIds", () => {
  it("reads the kids in order without importing, and refuses what importing would", async () => {
    const a = await pair("k1");
    const b = await pair("k2");
    const secrets = [a.privateJwk.d ?? "", b.privateJwk.d ?? ""];

    expect(signingKeyIds(JSON.stringify([b.privateJwk, a.privateJwk]))).toEqual(["k2", "k1"]);
    expect(await keyError(() => signingKeyIds(JSON.stringify([a.publicJwk])), secrets)).toBe(
      'issuer signing keys: key "k1" needs its private part "d" (32 bytes in base64url)',
    );
    const twice = JSON.stringify([a.privateJwk, { ...b.privateJwk, kid: "k1" }]);
    expect(await keyError(() => signingKeyIds(twice), secrets)).toContain('"k1" is listed twice');
    expect(await keyError(() => signingKeyIds("{"), secrets)).toContain("not valid JSON");
  });
});

describe("generateIssuerKey", () => {
  it("refuses kids that cannot be published", async () => {
    expect(await keyError(() => generateIssuerKey("has space"))).toContain("key id");
  });

  it("marks only dev- kids as development keys", () => {
    expect(isDevelopmentKid("dev-2026-11")).toBe(true);
    expect(isDevelopmentKid("2026-11")).toBe(false);
    expect(isDevelopmentKid("prod-dev-1")).toBe(false);
  });
});
