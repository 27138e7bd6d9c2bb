import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { insertStatusListRow } from "./certificate-postgres";
import {
  edgeAt,
  newIssuerKey,
  publish,
  publishList,
  signedCertificate,
  signedStatusList,
  verify,
  watchOrigin,
} from "./signed-certificates";

afterEach(() => {
  vi.restoreAllMocks();
});

// KV is shared by the tests of this file: each test uses list numbers of its own.
const storedList = (list: number) => env.CERTIFICATES_KV.get(`status-list:${list}`, "json");

describe("GET /status/:list and PUT /internal/status-lists/:list (origin API down)", () => {
  it("serves a published list as application/vc+jwt, cacheable, with an ETag", async () => {
    const origin = watchOrigin();
    const record = await signedStatusList(11, [3]);

    const put = await publishList(record);
    const res = await edgeAt("/status/11");

    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ ok: true, list: 11, version: 1 });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vc+jwt");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await res.text()).toBe(record.credential);
    const etag = res.headers.get("etag") ?? "";
    const again = await edgeAt("/status/11", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(origin.calls).toEqual([]);
  });

  it("never replaces a list with an older version, whatever order they arrive in", async () => {
    const older = await signedStatusList(12, [], { version: 1 });
    const newer = await signedStatusList(12, [7], { version: 2 });

    await publishList(newer);
    const late = await publishList(older);

    expect(await late.json()).toEqual({ ok: true, list: 12, version: 2 });
    expect(await (await edgeAt("/status/12")).text()).toBe(newer.credential);
  });

  it("refuses a list signed with an unpublished key (422), a wrong secret (401), a mismatched path (400)", async () => {
    const rogue = await signedStatusList(13, [], { key: (await newIssuerKey("rogue-3")).key });
    const good = await signedStatusList(13, []);

    const refused = await publishList(rogue);
    const noSecret = await publishList(good, { secret: "wrong-secret-wrong-secret-wrong-secret" });
    const elsewhere = await publishList(good, { path: "/internal/status-lists/14" });

    expect([refused.status, noSecret.status, elsewhere.status]).toEqual([422, 401, 400]);
    expect(await refused.json()).toMatchObject({ error: { code: "invalid_status_list" } });
    expect(await storedList(13)).toBeNull();
  });

  it("an unknown list is a 404; a list only in Postgres is served and written into KV", async () => {
    const record = await signedStatusList(15, [1]);
    await insertStatusListRow(15, 4, record.credential);

    const unknown = await edgeAt("/status/16");
    const fromPostgres = await edgeAt("/status/15");

    expect(unknown.status).toBe(404);
    expect(fromPostgres.status).toBe(200);
    expect(await fromPostgres.text()).toBe(record.credential);
    expect(await storedList(15)).toEqual({ list: 15, version: 4, credential: record.credential });
  });
});

describe("the verify endpoint agrees with the status list", () => {
  it("a certificate whose bit is set in the published list is revoked, even before its record says so", async () => {
    // Global index 3·131072 + 42: list 4, entry 42.
    const revoked = await signedCertificate({ statusListIndex: 3 * 131_072 + 42 });
    const kept = await signedCertificate({ statusListIndex: 3 * 131_072 + 43 });
    await publish(revoked);
    await publish(kept);
    await publishList(await signedStatusList(4, [42]));

    const revokedAnswer = (await verify(revoked.id)).body;
    const keptAnswer = (await verify(kept.id)).body;

    expect(revokedAnswer).toMatchObject({
      status: "revoked",
      reason: "revoked",
      revocation: null,
      statusList: { url: "https://lumen.localhost/status/4", index: 42 },
    });
    expect(keptAnswer).toMatchObject({ status: "valid", statusList: { index: 43 } });
  });

  it("without a readable list, the record alone decides", async () => {
    const cert = await signedCertificate({ statusListIndex: 5 * 131_072 + 1 });
    await publish({ ...cert, revokedAt: "2026-12-01T09:00:00.000Z", revokedReason: "Fraud" });
    const other = await signedCertificate({ statusListIndex: 5 * 131_072 + 2 });
    await publish(other);

    expect((await verify(cert.id)).body).toMatchObject({ status: "revoked" });
    expect((await verify(other.id)).body).toMatchObject({ status: "valid" });
  });
});
