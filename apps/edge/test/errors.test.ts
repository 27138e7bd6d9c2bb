import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { HTTPException } from "hono/http-exception";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import worker from "../src/index";

afterEach(() => {
  vi.restoreAllMocks();
});

async function callWorker(rawEnv: unknown): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request("http://edge.test/healthz"), rawEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe("invalid bindings", () => {
  it("answer 500 with a generic body and log which binding is wrong", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await callWorker({ ...env, MEDIA: undefined, EDGE_ENV: "moon" });

    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: "internal_error", message: "Internal server error" },
    });
    const logged = log.mock.calls.flat().join("\n");
    expect(logged).toContain("MEDIA");
    expect(logged).toContain("EDGE_ENV");
  });

  it("are rejected even when the env is not an object", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await callWorker(undefined);
    expect(res.status).toBe(500);
  });
});

describe("error handler", () => {
  it("turns an unexpected throw into a generic 500 without the message or stack", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const app = createApp();
    app.get("/boom", () => {
      throw new Error("secret connection string");
    });

    const res = await app.request("/boom", {}, env);
    const text = await res.text();

    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      error: { code: "internal_error", message: "Internal server error" },
    });
    expect(text).not.toContain("secret");
    expect(text).not.toContain("at ");
  });

  it("keeps the status and message of a deliberate HTTPException", async () => {
    const app = createApp();
    app.get("/teapot", () => {
      throw new HTTPException(418, { message: "short and stout" });
    });

    const res = await app.request("/teapot", {}, env);

    expect(res.status).toBe(418);
    expect(await res.json()).toEqual({ error: { code: "http_418", message: "short and stout" } });
  });
});
