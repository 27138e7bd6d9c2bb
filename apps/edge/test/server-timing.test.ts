import { afterEach, describe, expect, it, vi } from "vitest";
import { ServerTiming } from "../src/timing";
import { edge, mockOrigin, originJson, uniqueWord } from "./origin-mock";

afterEach(() => {
  vi.restoreAllMocks();
});

/** `worker;dur=12.0, kv;dur=1.0` → { worker: 12, kv: 1 }. */
function phases(res: Response): Record<string, number> {
  const header = res.headers.get("server-timing") ?? "";
  return Object.fromEntries(
    header
      .split(",")
      .map((part) => /^\s*([\w-]+);dur=([\d.]+)\s*$/.exec(part))
      .filter((m) => m !== null)
      .map((m) => [m[1], Number(m[2])]),
  );
}

const page = { items: [], total: 0, page: 1, pageSize: 20 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Server-Timing on the edge's responses (inside workerd)", () => {
  it("a catalog miss reports the Worker's time with its KV, cache and origin phases", async () => {
    const word = uniqueWord();
    mockOrigin(async () => {
      await sleep(60); // a slow origin: workerd's clock advances across the wait
      return originJson(page, '"st1"');
    });

    const res = await edge(`/courses?query=${word}`);

    expect(res.headers.get("x-lumen-cache")).toBe("MISS");
    const timing = phases(res);
    expect(Object.keys(timing)).toEqual(["worker", "kv", "cache", "origin"]);
    expect(timing.origin).toBeGreaterThanOrEqual(50);
    expect(timing.worker).toBeGreaterThanOrEqual(timing.origin ?? Number.NaN);
  });

  it("a catalog hit reports no origin phase and is not slower than the miss was", async () => {
    const word = uniqueWord();
    mockOrigin(async () => {
      await sleep(60);
      return originJson(page, '"st2"');
    });
    const miss = phases(await edge(`/courses?query=${word}`));

    const hit = await edge(`/courses?query=${word}`);

    expect(hit.headers.get("x-lumen-cache")).toBe("HIT");
    expect(Object.keys(phases(hit))).toEqual(["worker", "kv", "cache"]);
    expect(phases(hit).worker).toBeLessThan(miss.worker ?? Number.NaN);
  });

  it("the catalog lets browsers read it cross-origin (CORS exposes Server-Timing)", async () => {
    mockOrigin(() => originJson(page, '"st3"'));

    const res = await edge(`/courses?query=${uniqueWord()}`, {
      headers: { origin: "https://x.example" },
    });

    expect(res.headers.get("access-control-expose-headers")).toMatch(/Server-Timing/i);
  });

  it("errors carry it too: a rejected query, an unknown route, a bad playback token", async () => {
    for (const path of ["/courses?level=wizard", "/no-such-route", "/v/not-a-token/x.m3u8"]) {
      const res = await edge(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(phases(res).worker, path).toBeGreaterThanOrEqual(0);
    }
  });

  it("a certificate nobody issued reports its verdict cache, KV and Postgres phases", async () => {
    const res = await edge(`/certificates/${crypto.randomUUID()}/verify`);

    expect(res.status).toBe(404);
    expect(Object.keys(phases(res))).toEqual(["worker", "cache", "kv", "postgres"]);
  });
});

describe("ServerTiming", () => {
  it("sums a phase awaited twice and counts work that failed", async () => {
    const timing = new ServerTiming();
    await timing.measure("kv", () => sleep(20));
    await timing.measure("kv", () => sleep(20));
    await expect(
      timing.measure("origin", () => sleep(20).then(() => Promise.reject(new Error("down")))),
    ).rejects.toThrow("down");

    const header = timing.header();

    const kv = Number(/kv;dur=([\d.]+)/.exec(header)?.[1]);
    const origin = Number(/origin;dur=([\d.]+)/.exec(header)?.[1]);
    expect(kv).toBeGreaterThanOrEqual(38);
    expect(origin).toBeGreaterThanOrEqual(18);
    expect(header).toMatch(/^worker;dur=[\d.]+, kv;dur=[\d.]+, origin;dur=[\d.]+$/);
  });
});
