import { afterEach, describe, expect, it, vi } from "vitest";
import { edge, mockOrigin, originJson } from "./origin-mock";

afterEach(() => vi.restoreAllMocks());

/**
 * Hostile values as they reach the Worker in URLs (percent-encoded; invalid UTF-8, a CESU-8
 * lone surrogate among it, decodes to U+FFFD, which is text) and header values.
 */
const HOSTILE: Record<string, { url: string; refused: boolean }> = {
  nul: { url: "a%00b", refused: true },
  "C0 control (ESC)": { url: "a%1Bb", refused: true },
  "C1 control (NEL)": { url: "a%C2%85b", refused: true },
  "CESU-8 lone surrogate": { url: "a%ED%A0%80b", refused: false },
  "invalid UTF-8": { url: "a%FFb", refused: false },
  overlong: { url: "x".repeat(20_000), refused: true },
};
const ID = "8d2b8a4e-0c8e-4c5e-9d55-2f3a1c0b7e61";
const empty = { items: [], total: 0, page: 1, pageSize: 20 };

/** Public and token-guarded routes, each with one slot for a hostile value. */
const ROUTES = [
  ...["category", "level", "language", "minRating", "sort", "page", "pageSize"].map(
    (param) => (x: string) => `/courses?${param}=${x}`,
  ),
  (x: string) => `/courses/${x}`,
  (x: string) => `/certificates/${x}`,
  (x: string) => `/certificates/${x}/verify`,
  (x: string) => `/certificates/${ID}/verify?x=${x}`,
  (x: string) => `/v/${x}/master.m3u8`,
  (x: string) => `/internal/media/${x}?prefix=${x}`,
];

describe("hostile values at the edge", () => {
  it("free text in the catalog query is refused at the edge (400, origin untouched) when unstorable", async () => {
    const origin = mockOrigin(() => originJson(empty, '"e"'));
    const outcomes = [];
    for (const [name, { url, refused }] of Object.entries(HOSTILE)) {
      const before = origin.calls.length;
      const res = await edge(`/courses?query=${url}`);
      const asked = origin.calls.length > before;
      outcomes.push([name, res.status, asked]);
      if (refused) {
        expect(await res.json()).toMatchObject({
          error: { fieldErrors: { query: [expect.any(String)] } },
        });
      }
    }
    expect(outcomes).toEqual(
      Object.entries(HOSTILE).map(([name, { refused }]) => [name, refused ? 400 : 200, !refused]),
    );
  });

  it("no route answers a hostile URL or header value with a 5xx", async () => {
    mockOrigin(() => originJson(empty, '"e"'));
    const failures: string[] = [];
    let requests = 0;
    for (const route of ROUTES) {
      for (const [name, { url }] of Object.entries(HOSTILE)) {
        requests += 1;
        const res = await edge(route(url));
        if (res.status >= 500) failures.push(`${route("X")} ${name}: ${res.status}`);
      }
    }
    for (const value of ["a\u001bb", "a\u0085b", "x".repeat(20_000)]) {
      for (const path of ["/courses", `/certificates/${ID}/verify`]) {
        requests += 1;
        const res = await edge(path, { headers: { "if-none-match": value } });
        if (res.status >= 500) failures.push(`${path} if-none-match: ${res.status}`);
      }
    }
    console.info(`edge hostile-input sweep: ${requests} requests, ${failures.length} ≥ 500`);
    expect(failures).toEqual([]);
  });
});
