import { base64url } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCredential } from "./credential";
import { signCredential } from "./sign";
import { generateIssuerKey, importSigningKeys, type SigningKeyRing } from "./signing-keys";
import { decodeStatusList, encodeStatusList, isStatusSet } from "./status-bits";
import { STATUS_LIST_SIZE, statusListPosition } from "./status-entry";
import { signStatusList, verifyStatusList } from "./status-list-credential";
import { facts, ISSUER } from "./testing";
import { verifyCredential } from "./verify";

let ring: SigningKeyRing;
beforeAll(async () => {
  const { privateJwk } = await generateIssuerKey("k-status");
  ring = await importSigningKeys(JSON.stringify([privateJwk]), "k-status");
});

describe("status list bits", () => {
  it("encodes the spec's minimum of 131,072 entries, gzip, multibase base64url", async () => {
    const encoded = await encodeStatusList([0, 9, STATUS_LIST_SIZE - 1]);

    expect(encoded.startsWith("u")).toBe(true);
    const gzipped = base64url.decode(encoded.slice(1));
    expect([gzipped[0], gzipped[1]]).toEqual([0x1f, 0x8b]);
    const bits = await decodeStatusList(encoded);
    expect(bits.length * 8).toBe(131_072);
    // Entry 0 is the left-most bit of the first byte.
    expect([bits[0], bits[1], bits.at(-1)]).toEqual([0x80, 0x40, 0x01]);
    const set = [...Array(STATUS_LIST_SIZE).keys()].filter((i) => isStatusSet(bits, i));
    expect(set).toEqual([0, 9, STATUS_LIST_SIZE - 1]);
  });

  it("refuses an index outside the list and a list below the minimum size", async () => {
    await expect(encodeStatusList([STATUS_LIST_SIZE])).rejects.toThrow(RangeError);
    await expect(encodeStatusList([], 1024)).rejects.toThrow(RangeError);
    await expect(decodeStatusList("not multibase")).rejects.toThrow();
  });

  it("maps global indices to lists of 131,072 entries", () => {
    expect(statusListPosition(0)).toEqual({ list: 1, index: 0 });
    expect(statusListPosition(131_071)).toEqual({ list: 1, index: 131_071 });
    expect(statusListPosition(131_072)).toEqual({ list: 2, index: 0 });
  });
});

describe("certificates and their status list", () => {
  it("a certificate names its entry: list URL on the issuer's origin, index as a string", async () => {
    const credential = buildCredential(facts({ statusListIndex: 131_077 }));

    expect(credential.credentialStatus).toEqual({
      id: "https://lumen.localhost/status/2#5",
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: "5",
      statusListCredential: "https://lumen.localhost/status/2",
    });
    const jwt = await signCredential(credential, ring.current);
    const result = await verifyCredential(jwt, ring.publicKeys, { issuerId: ISSUER.id });
    expect(result.valid && result.credential.credentialStatus).toEqual(credential.credentialStatus);
  });

  it("a signed list verifies as that list of that issuer, and nothing else does", async () => {
    const list = {
      issuerId: ISSUER.id,
      list: 2,
      builtAt: new Date("2026-12-01T00:00:00Z"),
      encodedList: await encodeStatusList([5]),
    };
    const jwt = await signStatusList(list, ring.current);

    const check = await verifyStatusList(jwt, ring.publicKeys, { issuerId: ISSUER.id, list: 2 });
    expect(check.ok && check.credential).toMatchObject({
      id: "https://lumen.localhost/status/2",
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      issuer: ISSUER.id,
      credentialSubject: { type: "BitstringStatusList", statusPurpose: "revocation" },
    });
    expect(check.ok && isStatusSet(check.bits, 5)).toBe(true);
    expect(check.ok && isStatusSet(check.bits, 4)).toBe(false);
    expect(await verifyStatusList(jwt, ring.publicKeys, { issuerId: ISSUER.id, list: 1 })).toEqual({
      ok: false,
      reason: "bad_claims",
    });
    expect(
      await verifyStatusList(jwt, ring.publicKeys, { issuerId: "https://x.test/issuer", list: 2 }),
    ).toEqual({ ok: false, reason: "wrong_issuer" });
  });
});
