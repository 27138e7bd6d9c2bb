import { afterEach, describe, expect, it, vi } from "vitest";
import { edge, mockOrigin, originJson, uniqueWord } from "./origin-mock";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const notFound = () =>
  Response.json({ error: { code: "NOT_FOUND", message: "No such course." } }, { status: 404 });

describe("GET /courses/:slug (origin mocked)", () => {
  it("is cached like the list: a miss, then hits for any case of the slug", async () => {
    const slug = `intro-${uniqueWord()}`;
    const origin = mockOrigin(() => originJson({ slug, modules: [] }, '"outline"'));

    const miss = await edge(`/courses/${slug}`);
    const hit = await edge(`/courses/${slug.toUpperCase()}`);

    expect(miss.headers.get("x-lumen-cache")).toBe("MISS");
    expect(hit.headers.get("x-lumen-cache")).toBe("HIT");
    expect(await hit.json()).toEqual({ slug, modules: [] });
    expect(origin.paths()).toEqual([`/public/courses/${slug}`]);
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const slug = `etag-${uniqueWord()}`;
    mockOrigin(() => originJson({ slug }, '"s1"'));
    await edge(`/courses/${slug}`);

    const res = await edge(`/courses/${slug}`, { headers: { "if-none-match": '"s1"' } });

    expect(res.status).toBe(304);
  });

  it("answers 404 for a malformed slug without calling the origin", async () => {
    const origin = mockOrigin(notFound);

    const res = await edge("/courses/not_a%20slug!");

    expect(res.status).toBe(404);
    expect(origin.calls).toHaveLength(0);
  });

  it("passes the origin's 404 through uncached: every request asks the origin again", async () => {
    const slug = `draft-${uniqueWord()}`;
    const origin = mockOrigin(notFound);

    const first = await edge(`/courses/${slug}`);
    const second = await edge(`/courses/${slug}`);

    expect(first.status).toBe(404);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await second.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(origin.calls).toHaveLength(2);
  });

  it("forgets a course the origin no longer has, so it is not served later as a stale fallback", async () => {
    const slug = `gone-${uniqueWord()}`;
    const origin = mockOrigin(() => originJson({ slug }, '"g"'));
    await edge(`/courses/${slug}`);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 400_000); // past fresh + stale-while-revalidate
    origin.answer(notFound);
    expect((await edge(`/courses/${slug}`)).status).toBe(404);

    origin.answer(() => Response.json({}, { status: 502 }));
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const res = await edge(`/courses/${slug}`);

    expect(res.status).toBe(503);
  });
});
