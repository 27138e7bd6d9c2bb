import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { catalogKv, edge, mockOrigin, originJson, uniqueWord } from "./origin-mock";

afterEach(() => {
  vi.restoreAllMocks();
});

function purge(authorization: string | undefined, body: unknown = {}) {
  return edge("/internal/catalog/purge", {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
}

const version = () => catalogKv().get("catalog:version");
const course = { courseId: "3b241101-e2bb-4255-8caf-4136c566a962", slug: "intro-to-stats" };

describe("POST /internal/catalog/purge", () => {
  it("refuses a missing or wrong secret with 401 and leaves the version alone", async () => {
    const before = await version();

    const missing = await purge(undefined);
    const wrong = await purge("Bearer not-the-purge-secret-not-the-purge-secret");
    const basic = await purge(`Basic ${btoa(`user:${env.EDGE_INTERNAL_SECRET}`)}`);

    expect([missing.status, wrong.status, basic.status]).toEqual([401, 401, 401]);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await wrong.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect(await version()).toBe(before);
  });

  it("with the right secret bumps the version and records which course caused it", async () => {
    const before = await version();

    const res = await purge(`Bearer ${env.EDGE_INTERNAL_SECRET}`, course);

    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: string };
    expect(body).toMatchObject(course);
    expect(body.version).not.toBe(before);
    const stored = await catalogKv().getWithMetadata("catalog:version");
    expect(stored.value).toBe(body.version);
    expect(stored.metadata).toMatchObject(course);
  });

  it("purging twice is harmless: each call moves to a new version", async () => {
    const first = (await (await purge(`Bearer ${env.EDGE_INTERNAL_SECRET}`, course)).json()) as {
      version: string;
    };
    const second = (await (await purge(`Bearer ${env.EDGE_INTERNAL_SECRET}`, course)).json()) as {
      version: string;
    };
    expect(Number(second.version)).toBeGreaterThan(Number(first.version));
  });

  it("rejects a body that is not the job's payload with 400", async () => {
    const res = await purge(`Bearer ${env.EDGE_INTERNAL_SECRET}`, { courseId: "not-a-uuid" });
    expect(res.status).toBe(400);
  });
});

describe("purge on publish (origin mocked)", () => {
  it("after a purge the next request is a MISS that fetches the fresh data", async () => {
    const word = uniqueWord();
    const slug = `published-${word}`;
    const origin = mockOrigin(({ url }) =>
      originJson({ label: "before edit", path: url.pathname }, '"before"'),
    );
    await edge(`/courses?query=${word}`);
    await edge(`/courses/${slug}`);
    expect((await edge(`/courses?query=${word}`)).headers.get("x-lumen-cache")).toBe("HIT");

    origin.answer(({ url }) => originJson({ label: "after edit", path: url.pathname }, '"after"'));
    expect((await purge(`Bearer ${env.EDGE_INTERNAL_SECRET}`, { slug })).status).toBe(200);
    const list = await edge(`/courses?query=${word}`);
    const outline = await edge(`/courses/${slug}`);

    expect(list.headers.get("x-lumen-cache")).toBe("MISS");
    expect(await list.json()).toMatchObject({ label: "after edit" });
    expect(outline.headers.get("x-lumen-cache")).toBe("MISS");
    expect(await outline.json()).toMatchObject({ label: "after edit" });
    expect(origin.calls).toHaveLength(4);
  });

  it("a purge does not take away the fallback: with the origin down the last good copy is served", async () => {
    const word = uniqueWord();
    const origin = mockOrigin(() => originJson({ label: "last good" }, '"lg"'));
    await edge(`/courses?query=${word}`);
    await purge(`Bearer ${env.EDGE_INTERNAL_SECRET}`, {});
    origin.answer(() => Response.json({}, { status: 503 }));
    vi.spyOn(console, "warn").mockImplementation(() => {});

    const res = await edge(`/courses?query=${word}`);

    expect(res.status).toBe(200);
    expect(res.headers.get("x-lumen-cache")).toBe("STALE");
    expect(await res.json()).toEqual({ label: "last good" });
  });

  it("each test has its own catalog version: the purges above left this one's unset", async () => {
    expect(await env.CATALOG_KV.get("catalog:version")).toBeNull();
    const scoped = await catalogKv().list();
    expect(scoped.keys).toEqual([]);
    expect(await version()).toBeNull();
  });
});
