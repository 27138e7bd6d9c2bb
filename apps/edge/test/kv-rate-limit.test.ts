import { env } from "cloudflare:workers";
import type { IssuedRecord } from "@lumen/credentials";
import { afterEach, describe, expect, it, vi } from "vitest";
import { catalogKv, edge, mockOrigin, originJson, uniqueWord } from "./origin-mock";
import { edgeAt, publish, signedCertificate } from "./signed-certificates";

afterEach(() => {
  vi.restoreAllMocks();
});

type KvMethod = "get" | "put";

/** What Workers KV throws past its limits (e.g. one write per second to a key). */
const tooManyRequests = (method: KvMethod) =>
  new Error(`KV ${method.toUpperCase()} failed: 429 Too Many Requests`);

/** The namespace as it is, except that `method` is refused with KV's 429. */
function rateLimited(kv: KVNamespace, method: KvMethod): KVNamespace {
  return {
    get: (...args: Parameters<KVNamespace["get"]>) =>
      method === "get" ? Promise.reject(tooManyRequests("get")) : kv.get(...args),
    put: (...args: Parameters<KVNamespace["put"]>) =>
      method === "put" ? Promise.reject(tooManyRequests("put")) : kv.put(...args),
    getWithMetadata: kv.getWithMetadata.bind(kv),
    delete: kv.delete.bind(kv),
    list: kv.list.bind(kv),
  } as KVNamespace;
}

const purge = (bindings: Record<string, unknown>) =>
  edge(
    "/internal/catalog/purge",
    {
      method: "POST",
      headers: { authorization: `Bearer ${env.EDGE_INTERNAL_SECRET}` },
      body: JSON.stringify({ courseId: crypto.randomUUID() }),
    },
    bindings,
  );

const catalogVersion = () => catalogKv().get("catalog:version");

describe("Workers KV answering 429 (rate limited)", () => {
  it("a purge whose version write is refused is a 500, so the API's job retries it; the retry purges", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await catalogVersion();

    const limited = await purge({ ...env, CATALOG_KV: rateLimited(catalogKv(), "put") });

    expect(limited.status).toBe(500);
    expect(await limited.json()).toEqual({
      error: { code: "internal_error", message: "Internal server error" },
    });
    expect(await catalogVersion()).toBe(before);
    const logged = error.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(logged).toEqual([
      expect.objectContaining({
        msg: "unhandled error",
        route: "/internal/catalog/purge",
        err: "Error: KV PUT failed: 429 Too Many Requests",
      }),
    ]);

    const retried = await purge({ ...env, CATALOG_KV: catalogKv() });
    expect(retried.status).toBe(200);
    expect(await catalogVersion()).not.toBe(before);
  });

  it("catalog reads go on while the version cannot be read: every request asks the origin", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const word = uniqueWord();
    const origin = mockOrigin(() =>
      originJson({ items: [{ slug: word }], total: 1, page: 1, pageSize: 20 }, '"kv"'),
    );
    const bindings = { ...env, CATALOG_KV: rateLimited(catalogKv(), "get") };

    const first = await edge(`/courses?query=${word}`, undefined, bindings);
    const second = await edge(`/courses?query=${word}`, undefined, bindings);

    // Without the version no cached page can be known current, so none is served.
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first, second].map((r) => r.headers.get("x-lumen-cache"))).toEqual(["MISS", "MISS"]);
    expect(await second.json()).toMatchObject({ items: [{ slug: word }] });
    expect(origin.calls).toHaveLength(2);
  });

  it("a certificate publish whose KV write is refused is a 500 (retried), and nothing is published", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const record = await signedCertificate();
    const limited = { ...env, CERTIFICATES_KV: rateLimited(env.CERTIFICATES_KV, "put") };

    const refused = await publishWith(record, limited);

    expect(refused.status).toBe(500);
    expect(await env.CERTIFICATES_KV.get(`cert:${record.id}`)).toBeNull();
    expect((await publish(record)).status).toBe(200);
    expect(await env.CERTIFICATES_KV.get(`cert:${record.id}`)).not.toBeNull();
  });
});

function publishWith(record: IssuedRecord, bindings: Record<string, unknown>) {
  const { id, credential, revokedAt, revokedReason } = record;
  return edgeAt(
    `/internal/certificates/${id}`,
    {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${env.EDGE_INTERNAL_SECRET}`,
      },
      body: JSON.stringify({ id, credential, revokedAt, revokedReason }),
    },
    bindings,
  );
}
