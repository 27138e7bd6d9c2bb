import { describe, expect, it } from "vitest";
import { parseKeyRing } from "./key-ring";
import { fileKey, isFilePurpose } from "./layout";
import { type MediaTokenPurpose, signMediaToken, verifyMediaToken } from "./token";

const ring = parseKeyRing(
  "k2:second-secret-second-secret-second-secret, k1:first-secret-first-secret-first-secret-1",
);
const k1 = ring.get("k1");
const k2 = ring.get("k2");
const asset = "3b241101-e2bb-4255-8caf-4136c566a962";
const other = "9a0c2e1b-7d44-4f0e-8a55-1b2c3d4e5f60";
const now = 1_800_000_000;

function play(expiresAt = now + 900) {
  if (!k2) throw new Error("fixture key missing");
  return signMediaToken({ purpose: "play", assetId: asset, expiresAt, bytes: 0 }, k2);
}

describe("media tokens", () => {
  it("a token verifies for its purpose and asset and returns its claims", async () => {
    const token = await play();
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
    const result = await verifyMediaToken(token, {
      keys: ring,
      purpose: "play",
      assetId: asset,
      now,
    });
    expect(result).toEqual({
      ok: true,
      keyId: "k2",
      claims: { purpose: "play", assetId: asset, expiresAt: now + 900, bytes: 0 },
    });
  });

  it("upload tokens carry the exact byte size", async () => {
    if (!k1) throw new Error("fixture key missing");
    const token = await signMediaToken(
      { purpose: "upload", assetId: asset, expiresAt: now + 60, bytes: 5 * 1024 ** 3 },
      k1,
    );
    const result = await verifyMediaToken(token, { keys: ring, purpose: "upload", now });
    expect(result.ok && result.claims.bytes).toBe(5 * 1024 ** 3);
  });

  it("refuses expired, other-asset, other-purpose, tampered and unknown-key tokens", async () => {
    const token = await play();
    const check = (
      t: string,
      opts: { assetId?: string; now?: number; purpose?: "play" | "store" },
    ) =>
      verifyMediaToken(t, {
        keys: ring,
        purpose: opts.purpose ?? "play",
        assetId: opts.assetId,
        now: opts.now ?? now,
      });

    expect(await check(await play(now), {})).toEqual({ ok: false, reason: "expired" });
    expect(await check(token, { assetId: other })).toEqual({ ok: false, reason: "wrong_asset" });
    expect(await check(token, { purpose: "store" })).toEqual({
      ok: false,
      reason: "wrong_purpose",
    });
    // Moving the expiry forward without re-signing breaks the MAC.
    const parts = token.split(".");
    parts[4] = (now + 999_999).toString(36);
    expect(await check(parts.join("."), {})).toEqual({ ok: false, reason: "bad_signature" });
    const flipped = token.slice(0, -2) + (token.at(-2) === "A" ? "B" : "A") + token.at(-1);
    expect(await check(flipped, {})).toEqual({ ok: false, reason: "bad_signature" });
    expect(await check(token.replace(".k2.", ".k9."), {})).toEqual({
      ok: false,
      reason: "unknown_key",
    });
    expect(await check(`${token}/../x`, {})).toEqual({ ok: false, reason: "malformed" });
    expect(await check("", {})).toEqual({ ok: false, reason: "malformed" });
  });

  it("document and certificate tokens name their file, and each is refused for the other purposes", async () => {
    if (!k1) throw new Error("fixture key missing");
    const sign = (purpose: "document" | "certificate") =>
      signMediaToken({ purpose, assetId: asset, expiresAt: now + 60, bytes: 0 }, k1);
    const verify = (token: string, purpose: MediaTokenPurpose | MediaTokenPurpose[]) =>
      verifyMediaToken(token, { keys: ring, purpose, now });
    const document = await sign("document");
    const certificate = await sign("certificate");

    expect(await verify(document, ["document", "certificate"])).toMatchObject({
      ok: true,
      claims: { purpose: "document", assetId: asset },
    });
    expect(await verify(certificate, ["document", "certificate"])).toMatchObject({
      ok: true,
      claims: { purpose: "certificate", assetId: asset },
    });
    for (const purpose of ["store", "play", "upload", "certificate"] as const) {
      expect(await verify(document, purpose)).toEqual({ ok: false, reason: "wrong_purpose" });
    }
    expect(await verify(certificate, "document")).toEqual({ ok: false, reason: "wrong_purpose" });
    expect(fileKey("document", asset)).toBe(`documents/${asset}.pdf`);
    expect(fileKey("certificate", asset)).toBe(`certificates/${asset}.pdf`);
  });

  it("an attachment's storage token and its browser upload token reach only attachments/<id>, each for its own routes", async () => {
    if (!k1) throw new Error("fixture key missing");
    const verify = (token: string, purpose: MediaTokenPurpose | MediaTokenPurpose[]) =>
      verifyMediaToken(token, { keys: ring, purpose, now });
    const stored = await signMediaToken(
      { purpose: "attachment", assetId: asset, expiresAt: now + 60, bytes: 0 },
      k1,
    );
    const upload = await signMediaToken(
      { purpose: "attachment-upload", assetId: asset, expiresAt: now + 60, bytes: 1234 },
      k1,
    );

    expect(await verify(stored, ["document", "certificate", "attachment"])).toMatchObject({
      ok: true,
      claims: { purpose: "attachment", assetId: asset, bytes: 0 },
    });
    expect(await verify(upload, "attachment-upload")).toMatchObject({
      ok: true,
      claims: { purpose: "attachment-upload", assetId: asset, bytes: 1234 },
    });
    // The browser's token opens none of the storage routes, and the API's none of the upload.
    expect(await verify(upload, ["document", "certificate", "attachment", "upload"])).toEqual({
      ok: false,
      reason: "wrong_purpose",
    });
    expect(await verify(stored, "attachment-upload")).toEqual({
      ok: false,
      reason: "wrong_purpose",
    });
    expect(fileKey("attachment", asset)).toBe(`attachments/${asset}`);
    expect(isFilePurpose("attachment")).toBe(true);
    expect(isFilePurpose("attachment-upload")).toBe(false);
  });

  it("a forum image's storage and upload tokens are their own purposes, at forum-images/<id>", async () => {
    if (!k1) throw new Error("fixture key missing");
    const verify = (token: string, purpose: MediaTokenPurpose | MediaTokenPurpose[]) =>
      verifyMediaToken(token, { keys: ring, purpose, now });
    const upload = await signMediaToken(
      { purpose: "forum-image-upload", assetId: asset, expiresAt: now + 60, bytes: 99 },
      k1,
    );
    const stored = await signMediaToken(
      { purpose: "forum-image", assetId: asset, expiresAt: now + 60, bytes: 0 },
      k1,
    );
    expect(await verify(upload, "forum-image-upload")).toMatchObject({
      ok: true,
      claims: { purpose: "forum-image-upload", assetId: asset, bytes: 99 },
    });
    expect(await verify(stored, "forum-image")).toMatchObject({ ok: true });
    expect(await verify(upload, ["attachment-upload", "forum-image", "attachment"])).toEqual({
      ok: false,
      reason: "wrong_purpose",
    });
    expect(await verify(stored, ["attachment", "forum-image-upload"])).toEqual({
      ok: false,
      reason: "wrong_purpose",
    });
    expect(fileKey("forum-image", asset)).toBe(`forum-images/${asset}`);
    expect(isFilePurpose("forum-image")).toBe(true);
    expect(isFilePurpose("forum-image-upload")).toBe(false);
  });

  it("a data export's storage token is its own purpose, at exports/<id>.zip", async () => {
    if (!k1) throw new Error("fixture key missing");
    const token = await signMediaToken(
      { purpose: "export", assetId: asset, expiresAt: now + 60, bytes: 0 },
      k1,
    );
    expect(await verifyMediaToken(token, { keys: ring, purpose: "export", now })).toMatchObject({
      ok: true,
      claims: { purpose: "export", assetId: asset },
    });
    expect(await verifyMediaToken(token, { keys: ring, purpose: "certificate", now })).toEqual({
      ok: false,
      reason: "wrong_purpose",
    });
    expect(fileKey("export", asset)).toBe(`exports/${asset}.zip`);
    expect(isFilePurpose("export")).toBe(true);
  });

  it("after rotation, tokens signed with the old key still verify until it is removed", async () => {
    if (!k1) throw new Error("fixture key missing");
    const old = await signMediaToken(
      { purpose: "play", assetId: asset, expiresAt: now + 60, bytes: 0 },
      k1,
    );
    expect((await verifyMediaToken(old, { keys: ring, purpose: "play", now })).ok).toBe(true);
    const retired = parseKeyRing("k2:second-secret-second-secret-second-secret");
    expect(await verifyMediaToken(old, { keys: retired, purpose: "play", now })).toEqual({
      ok: false,
      reason: "unknown_key",
    });
  });
});

describe("parseKeyRing", () => {
  it("names the bad entry without echoing secrets", () => {
    expect(() => parseKeyRing("")).toThrow(/at least one key/);
    expect(() => parseKeyRing("K1:whatever-whatever-whatever-whatever")).toThrow(/key id "K1"/);
    expect(() => parseKeyRing("k1:short")).toThrow(/k1.*32 characters/);
    expect(() => parseKeyRing("k1:short")).not.toThrow(/short/);
    const dup = "k1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,k1:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    expect(() => parseKeyRing(dup)).toThrow(/listed twice/);
  });
});
