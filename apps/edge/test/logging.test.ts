import { env } from "cloudflare:workers";
import { HTTPException } from "hono/http-exception";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import { edge, mockOrigin, networkError, uniqueWord } from "./origin-mock";

afterEach(() => {
  vi.restoreAllMocks();
});

type Line = Record<string, unknown>;
const parsed = (spy: { mock: { calls: unknown[][] } }): Line[] =>
  spy.mock.calls.map(([line]) => JSON.parse(String(line)) as Line);

describe("the edge's log", () => {
  it("a refused token is one JSON line with the Ray ID and the route pattern, never the token", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const token = "not-a-token-but-could-have-been-one";

    const res = await edge(`/v/${token}/master.m3u8`, {
      headers: { "cf-ray": "8f1e2d3c4b5a6978-LHR" },
    });

    expect(res.status).toBe(403);
    expect(parsed(warn)).toEqual([
      {
        level: "warn",
        msg: "media token refused",
        requestId: "8f1e2d3c4b5a6978-LHR",
        route: "/v/:token/:path{.+}",
        purpose: "play",
        reason: expect.any(String),
      },
    ]);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(token);
  });

  it("every line of one request carries the same request id, generated without a Ray ID", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    mockOrigin(networkError);
    const kv = env.CATALOG_KV;
    const unreadable = {
      get: () => Promise.reject(new Error("KV down")),
      put: kv.put.bind(kv),
      delete: kv.delete.bind(kv),
      list: kv.list.bind(kv),
    };
    const bindings = { ...env, CATALOG_KV: unreadable };

    const res = await edge(`/courses?query=${uniqueWord()}`, undefined, bindings);

    expect(res.status).toBe(503);
    const logged = [...parsed(error), ...parsed(warn)];
    expect(logged.map((l) => [l.level, l.msg, l.route])).toEqual([
      ["error", "catalog version unreadable", "/courses"],
      ["warn", "origin unavailable", "/courses"],
    ]);
    const [first, second] = logged;
    expect(first?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.requestId).toBe(first?.requestId);
  });

  it("an unexpected error is logged with its stack; the client gets neither", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const app = createApp();
    app.get("/boom/:id", () => {
      throw new Error("secret connection string");
    });

    const res = await app.request("/boom/42", {}, env);

    expect(await res.text()).not.toContain("secret");
    const [line, ...rest] = parsed(error);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      level: "error",
      msg: "unhandled error",
      route: "/boom/:id",
      err: "Error: secret connection string",
    });
    expect(String(line?.stack)).toMatch(/\n\s+at /);
  });

  it("a deliberate HTTPException is answered, not logged", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const app = createApp();
    app.get("/teapot", () => {
      throw new HTTPException(418, { message: "short and stout" });
    });

    expect((await app.request("/teapot", {}, env)).status).toBe(418);
    expect(error).not.toHaveBeenCalled();
  });
});
