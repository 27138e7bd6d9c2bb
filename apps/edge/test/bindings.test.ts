import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../src/env";

// These run against the local (Miniflare) R2 and KV declared in the repo-root wrangler.toml.
describe("wrangler.toml bindings", () => {
  it("pass the Worker's own validation", () => {
    expect(parseEnv(env)).toMatchObject({
      EDGE_ENV: "development",
      ORIGIN_API_URL: "http://127.0.0.1:3000",
    });
  });

  it("take the purge secret from the repo-root .dev.vars, matching the API's dev default", () => {
    expect(env.PURGE_SECRET).toBe("lumen-dev-only-purge-secret-not-for-production");
  });

  it("refuse the public development purge secret outside development", () => {
    expect(() => parseEnv({ ...env, EDGE_ENV: "production" })).toThrow(/PURGE_SECRET/);
    expect(() => parseEnv({ ...env, PURGE_SECRET: "short" })).toThrow(/PURGE_SECRET/);
  });

  it("MEDIA stores and returns an R2 object", async () => {
    await env.MEDIA.put("test/hello.txt", "hello edge", {
      httpMetadata: { contentType: "text/plain" },
    });

    const object = await env.MEDIA.get("test/hello.txt");

    expect(object).not.toBeNull();
    expect(await object?.text()).toBe("hello edge");
    expect(object?.httpMetadata?.contentType).toBe("text/plain");
  });

  it("CATALOG_KV stores and returns a JSON value", async () => {
    await env.CATALOG_KV.put("catalog:test", JSON.stringify({ page: 1 }));

    expect(await env.CATALOG_KV.get("catalog:test", "json")).toEqual({ page: 1 });
  });
});
