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

  it("parse MEDIA_KEYS into the key ring the edge verifies media tokens with", () => {
    expect([...parseEnv(env).mediaKeys.keys()]).toEqual(["dev1"]);
    const rotated = `${env.MEDIA_KEYS},dev2:${"n".repeat(40)}`;
    expect([...parseEnv({ ...env, MEDIA_KEYS: rotated }).mediaKeys.keys()]).toEqual([
      "dev1",
      "dev2",
    ]);
  });

  it("reject a malformed MEDIA_KEYS, naming it without repeating the secret", () => {
    const secretish = "Sup3rSecretPassphrase";
    for (const MEDIA_KEYS of ["", "dev1:short", `${secretish}:${"s".repeat(40)}`, "no-colon"]) {
      let message = "";
      try {
        parseEnv({ ...env, MEDIA_KEYS });
      } catch (error) {
        message = String(error);
      }
      expect({ MEDIA_KEYS, names: message.includes("MEDIA_KEYS") }).toEqual({
        MEDIA_KEYS,
        names: true,
      });
      expect(message).not.toContain(secretish);
      expect(message).not.toContain("short");
    }
    expect(() => parseEnv({ ...env, MEDIA_KEYS: undefined })).toThrow(/MEDIA_KEYS/);
  });

  it("refuse the public development media key outside development", () => {
    const production = { ...env, EDGE_ENV: "production", PURGE_SECRET: "p".repeat(40) };
    expect(() => parseEnv(production)).toThrow(/MEDIA_KEYS: the development value/);
    // Both dev secrets at once: both are reported, so one redeploy fixes everything.
    expect(() => parseEnv({ ...env, EDGE_ENV: "staging" })).toThrow(/PURGE_SECRET.*MEDIA_KEYS/);
    const real = parseEnv({ ...production, MEDIA_KEYS: `prod1:${"k".repeat(48)}` });
    expect([...real.mediaKeys.keys()]).toEqual(["prod1"]);
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
