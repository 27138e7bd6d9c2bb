import { afterEach, describe, expect, it, vi } from "vitest";
import { edge, mockOrigin, networkError, originDown, originJson, uniqueWord } from "./origin-mock";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const page = (label: string) => ({ items: [{ slug: label }], total: 1, page: 1, pageSize: 20 });

/** Moves the Worker's clock (it shares this isolate's Date) by `seconds`. */
function advance(seconds: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + seconds * 1000);
}

describe("GET /courses (origin mocked)", () => {
  it("a miss fetches the origin once and caches the answer; the next request is a hit", async () => {
    const word = uniqueWord();
    const origin = mockOrigin(() => originJson(page("first"), '"v1"'));

    const miss = await edge(`/courses?query=${word}`);
    const hit = await edge(`/courses?query=${word}`);

    expect(miss.status).toBe(200);
    expect(miss.headers.get("x-lumen-cache")).toBe("MISS");
    expect(await miss.json()).toEqual(page("first"));
    expect(hit.headers.get("x-lumen-cache")).toBe("HIT");
    expect(await hit.json()).toEqual(page("first"));
    expect(hit.headers.get("etag")).toBe('"v1"');
    expect(hit.headers.get("cache-control")).toMatch(/stale-while-revalidate=300/);
    expect(origin.paths()).toEqual([`/public/courses?query=${word}`]);
  });

  it("parameter order, case, spacing, defaults and unknown parameters share one entry", async () => {
    const word = uniqueWord();
    const origin = mockOrigin(() => originJson(page("one"), '"one"'));
    const variants = [
      `/courses?query=${word}&level=beginner&category=Data%20Science`,
      `/courses?category=data+science&query=${word}&level=Beginner`,
      `/courses?level=BEGINNER&query=%20%20${word.toUpperCase()}%20&category=DATA%20%20SCIENCE`,
      `/courses?utm_source=mail&page=1&pageSize=20&sort=relevance&language=&query=${word}&level=beginner&category=Data%20Science`,
    ];

    const statuses = [];
    for (const path of variants) statuses.push((await edge(path)).headers.get("x-lumen-cache"));

    expect(statuses).toEqual(["MISS", "HIT", "HIT", "HIT"]);
    expect(origin.paths()).toEqual([
      `/public/courses?category=Data+Science&level=beginner&query=${word}`,
    ]);
  });

  it("answers a matching If-None-Match with 304 and no body, from the cache", async () => {
    const word = uniqueWord();
    const origin = mockOrigin(() => originJson(page("etag"), 'W/"abc"'));
    await edge(`/courses?query=${word}`);

    const res = await edge(`/courses?query=${word}`, { headers: { "if-none-match": '"abc"' } });

    expect(res.status).toBe(304);
    expect(res.headers.get("etag")).toBe('W/"abc"');
    expect(res.headers.get("x-lumen-cache")).toBe("HIT");
    expect(await res.text()).toBe("");
    expect(origin.calls).toHaveLength(1);
  });

  it("lets any site read the public JSON and its cache headers (CORS)", async () => {
    const word = uniqueWord();
    mockOrigin(() => originJson(page("cors"), '"cors"'));

    const res = await edge(`/courses?query=${word}`, { headers: { origin: "https://x.example" } });

    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toMatch(/X-Lumen-Cache/i);
  });

  it("rejects bad input with 400 and a message per field, without calling the origin", async () => {
    const origin = mockOrigin(() => originJson(page("never"), '"x"'));

    const res = await edge(`/courses?level=expert&pageSize=500&query=${"x".repeat(201)}`);

    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(["level", "pageSize", "query"]);
    expect(body.error.fieldErrors.level?.[0]).toMatch(/beginner, intermediate or advanced/);
    expect(origin.calls).toHaveLength(0);
  });

  it("serves an expired copy as STALE and refreshes it in the background", async () => {
    const word = uniqueWord();
    const origin = mockOrigin(() => originJson(page("old"), '"old"'));
    await edge(`/courses?query=${word}`);
    origin.answer(() => originJson(page("new"), '"new"'));
    advance(120); // past s-maxage=60, inside stale-while-revalidate=300

    const stale = await edge(`/courses?query=${word}`);
    const next = await edge(`/courses?query=${word}`);

    expect(stale.headers.get("x-lumen-cache")).toBe("STALE");
    expect(stale.headers.get("x-lumen-stale-reason")).toBe("revalidating");
    expect(await stale.json()).toEqual(page("old"));
    expect(origin.calls[1]?.ifNoneMatch).toBe('"old"');
    expect(next.headers.get("x-lumen-cache")).toBe("HIT");
    expect(await next.json()).toEqual(page("new"));
    expect(origin.calls).toHaveLength(2);
  });

  it("revalidates a copy past its stale window with the origin: 304 → REVALIDATED", async () => {
    const word = uniqueWord();
    const origin = mockOrigin(() => originJson(page("same"), '"same"'));
    await edge(`/courses?query=${word}`);
    origin.answer(() => new Response(null, { status: 304, headers: { etag: '"same"' } }));
    advance(400);

    const res = await edge(`/courses?query=${word}`);

    expect(res.headers.get("x-lumen-cache")).toBe("REVALIDATED");
    expect(await res.json()).toEqual(page("same"));
    expect(origin.calls[1]?.ifNoneMatch).toBe('"same"');
    expect((await edge(`/courses?query=${word}`)).headers.get("x-lumen-cache")).toBe("HIT");
  });
});

describe("GET /courses when the origin fails (origin mocked)", () => {
  for (const [name, failure] of [
    ["answers 500", originDown],
    ["cannot be reached", networkError],
  ] as const) {
    it(`serves the last cached body as STALE when the origin ${name}`, async () => {
      const word = uniqueWord();
      const origin = mockOrigin(() => originJson(page("cached"), '"c"'));
      await edge(`/courses?query=${word}`);
      origin.answer(failure);
      vi.spyOn(console, "warn").mockImplementation(() => {});
      advance(3_600); // long past fresh and stale-while-revalidate, inside stale-if-error

      const res = await edge(`/courses?query=${word}`);

      expect(res.status).toBe(200);
      expect(res.headers.get("x-lumen-cache")).toBe("STALE");
      expect(res.headers.get("x-lumen-stale-reason")).toBe("origin-error");
      expect(Number(res.headers.get("age"))).toBeGreaterThanOrEqual(3_600);
      expect(await res.json()).toEqual(page("cached"));
    });
  }

  it("answers 503 JSON when nothing is cached and the origin is down", async () => {
    mockOrigin(networkError);
    vi.spyOn(console, "warn").mockImplementation(() => {});

    const res = await edge(`/courses?query=${uniqueWord()}`);

    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("retry-after")).toBeTruthy();
    expect(await res.json()).toEqual({
      error: {
        code: "origin_unavailable",
        message: "The catalog is temporarily unavailable. Please retry shortly.",
      },
    });
  });

  it("stops serving a stale copy once it is older than stale-if-error (a day)", async () => {
    const word = uniqueWord();
    const origin = mockOrigin(() => originJson(page("ancient"), '"a"'));
    await edge(`/courses?query=${word}`);
    origin.answer(originDown);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    advance(86_400 + 60);

    expect((await edge(`/courses?query=${word}`)).status).toBe(503);
  });

  it("never caches an error: after a 500 the next request asks the origin again", async () => {
    const word = uniqueWord();
    const origin = mockOrigin(originDown);
    vi.spyOn(console, "warn").mockImplementation(() => {});

    expect((await edge(`/courses?query=${word}`)).status).toBe(503);
    origin.answer(() => originJson(page("recovered"), '"r"'));
    const res = await edge(`/courses?query=${word}`);

    expect(res.headers.get("x-lumen-cache")).toBe("MISS");
    expect(await res.json()).toEqual(page("recovered"));
    expect(origin.calls).toHaveLength(2);
  });
});
