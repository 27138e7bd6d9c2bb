import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../src/env";

/** A non-development issuer JWKS (the public key from RFC 8037's Ed25519 example). */
const PRODUCTION_ISSUER_KEYS = JSON.stringify({
  keys: [
    { kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", kid: "prod-1" },
  ],
});

/** Every secret set to a production value: what a correct deploy looks like. */
const productionEnv = () => ({
  ...env,
  EDGE_ENV: "production",
  EDGE_INTERNAL_SECRET: "p".repeat(40),
  MEDIA_KEYS: `prod1:${"k".repeat(48)}`,
  ISSUER_KEYS: PRODUCTION_ISSUER_KEYS,
  ISSUER_ID: "https://verify.lumen.academy/issuer",
  NEON_WS_PROXY: undefined,
});

// These run against the local (Miniflare) R2 and KV declared in the repo-root wrangler.toml.
describe("wrangler.toml bindings", () => {
  it("pass the Worker's own validation", () => {
    expect(parseEnv(env)).toMatchObject({
      EDGE_ENV: "development",
      ORIGIN_API_URL: "http://127.0.0.1:3000",
    });
  });

  it("take the internal secret from the repo-root .dev.vars, matching the API's dev default", () => {
    expect(env.EDGE_INTERNAL_SECRET).toBe("lumen-dev-only-internal-secret-not-for-production");
  });

  it("refuse the public development internal secret outside development", () => {
    expect(() => parseEnv({ ...env, EDGE_ENV: "production" })).toThrow(/EDGE_INTERNAL_SECRET/);
    expect(() => parseEnv({ ...env, EDGE_INTERNAL_SECRET: "short" })).toThrow(
      /EDGE_INTERNAL_SECRET/,
    );
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
    const production = { ...productionEnv(), MEDIA_KEYS: env.MEDIA_KEYS };
    expect(() => parseEnv(production)).toThrow(/MEDIA_KEYS: the development value/);
    // Every dev secret at once: all are reported, so one redeploy fixes everything.
    expect(() => parseEnv({ ...env, EDGE_ENV: "staging" })).toThrow(
      /EDGE_INTERNAL_SECRET.*MEDIA_KEYS.*ISSUER_KEYS/,
    );
    const real = parseEnv(productionEnv());
    expect([...real.mediaKeys.keys()]).toEqual(["prod1"]);
  });

  it("parse ISSUER_KEYS from .dev.vars into the dev issuer key, and ISSUER_ID from wrangler.toml", () => {
    const parsed = parseEnv(env);
    expect(parsed.issuerKeys.map((k) => k.kid)).toEqual(["dev-2026-11"]);
    expect(parsed.ISSUER_ID).toBe("https://lumen.localhost/issuer");
  });

  it("refuse the placeholder or a non-https ISSUER_ID outside development, and any other path", () => {
    const placeholder = { ...productionEnv(), ISSUER_ID: env.ISSUER_ID };
    expect(() => parseEnv(placeholder)).toThrow(/ISSUER_ID: "lumen.localhost" is a development/);
    const plain = { ...productionEnv(), ISSUER_ID: "http://verify.lumen.academy/issuer" };
    expect(() => parseEnv(plain)).toThrow(/ISSUER_ID: must be an https URL/);
    expect(() => parseEnv({ ...env, ISSUER_ID: "https://lumen.localhost/" })).toThrow(
      /ISSUER_ID: must be <the edge's public origin>\/issuer/,
    );
    expect(parseEnv(productionEnv()).ISSUER_ID).toBe("https://verify.lumen.academy/issuer");
  });

  it("refuse a development issuer key outside development, and a malformed ISSUER_KEYS anywhere", () => {
    const devIssuer = { ...productionEnv(), ISSUER_KEYS: env.ISSUER_KEYS };
    expect(() => parseEnv(devIssuer)).toThrow(/ISSUER_KEYS: the development value/);
    for (const ISSUER_KEYS of ["", "{}", '{"keys":[]}', '{"keys":[{"kty":"RSA"}]}']) {
      expect(() => parseEnv({ ...env, ISSUER_KEYS })).toThrow(/ISSUER_KEYS/);
    }
    expect(() => parseEnv({ ...env, ISSUER_KEYS: undefined })).toThrow(/ISSUER_KEYS/);
  });

  it("refuse an ISSUER_KEYS that carries a private key, without echoing it", () => {
    const keys = JSON.parse(env.ISSUER_KEYS).keys;
    const leaked = JSON.stringify({ keys: [{ ...keys[0], d: "PRIVATE-PART-".padEnd(43, "x") }] });
    let message = "";
    try {
      parseEnv({ ...env, ISSUER_KEYS: leaked });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/ISSUER_KEYS: .*private/);
    expect(message).not.toContain("PRIVATE-PART");
  });

  it("accept an optional DATABASE_URL and refuse the local Neon proxy outside development", () => {
    expect(parseEnv({ ...env, DATABASE_URL: undefined }).DATABASE_URL).toBeUndefined();
    expect(() => parseEnv({ ...env, DATABASE_URL: "mysql://db" })).toThrow(/DATABASE_URL/);
    const proxied = { ...productionEnv(), NEON_WS_PROXY: "127.0.0.1:5488" };
    expect(() => parseEnv(proxied)).toThrow(/NEON_WS_PROXY/);
    const neon = "postgres://app:pw@ep-lumen.eu-central-1.aws.neon.tech/lumen?sslmode=require";
    expect(parseEnv({ ...productionEnv(), DATABASE_URL: neon }).DATABASE_URL).toBe(neon);
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

  it("CERTIFICATES_KV is its own namespace, apart from CATALOG_KV", async () => {
    await env.CERTIFICATES_KV.put("cert:bindings-test", "{}");

    expect(await env.CERTIFICATES_KV.get("cert:bindings-test")).toBe("{}");
    expect(await env.CATALOG_KV.get("cert:bindings-test")).toBeNull();
  });

  it("CATALOG_KV stores and returns a JSON value", async () => {
    await env.CATALOG_KV.put("catalog:test", JSON.stringify({ page: 1 }));

    expect(await env.CATALOG_KV.get("catalog:test", "json")).toEqual({ page: 1 });
  });
});
