import { generateIssuerKey } from "@lumen/credentials";
import {
  DEV_ISSUER_ID,
  DEV_ISSUER_KID,
  DEV_ISSUER_SIGNING_KEYS,
} from "@lumen/credentials/dev-keys";
import { describe, expect, it } from "vitest";
import { EnvError, parseApiEnv } from "../src/env";
import { CertificateIssuerError, loadCertificateIssuer } from "../src/jobs/credential-issuer";

/** Everything production requires besides the certificate settings. */
const PRODUCTION = {
  LUMEN_ENV: "production",
  DATABASE_URL: "postgres://lumen@db.internal/lumen",
  AUTH_SECRET: "a-production-auth-secret-of-enough-length",
  EDGE_PURGE_SECRET: "a-production-purge-secret-of-enough-length",
  MEDIA_SIGNING_KEYS: "k1:a-production-media-key-of-enough-length",
  MEDIA_SIGNING_KEY_ID: "k1",
  SMTP_URL: "smtp://mail.internal:587",
  MAIL_FROM: "Lumen <no-reply@lumen.example>",
};

function envError(source: Record<string, string>): string {
  try {
    parseApiEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
  throw new Error("expected the environment to be refused");
}

async function productionKey(kid = "prod-2026-01") {
  const { privateJwk } = await generateIssuerKey(kid);
  return { kid, jwk: privateJwk, spec: JSON.stringify([privateJwk]), d: String(privateJwk.d) };
}

describe("certificate signing settings", () => {
  it("default to the development issuer outside production", () => {
    const env = parseApiEnv({ LUMEN_ENV: "test" });

    expect(env).toMatchObject({
      CREDENTIAL_SIGNING_KEYS: DEV_ISSUER_SIGNING_KEYS,
      CREDENTIAL_SIGNING_KEY_ID: DEV_ISSUER_KID,
      CREDENTIAL_ISSUER_ID: DEV_ISSUER_ID,
      CREDENTIAL_ISSUER_NAME: "Lumen",
    });
  });

  it("are required in production", () => {
    const message = envError(PRODUCTION);

    expect(message).toMatch(/CREDENTIAL_SIGNING_KEYS: .*required in production/);
    expect(message).toMatch(/CREDENTIAL_ISSUER_ID: .*required in production/);
  });

  it("refuse the committed development key in production", () => {
    const message = envError({
      ...PRODUCTION,
      CREDENTIAL_SIGNING_KEYS: DEV_ISSUER_SIGNING_KEYS,
      CREDENTIAL_SIGNING_KEY_ID: DEV_ISSUER_KID,
      CREDENTIAL_ISSUER_ID: "https://lumen.example/issuer",
    });

    expect(message).toMatch(/CREDENTIAL_SIGNING_KEYS: development keys \(dev-2026-11\)/);
  });

  it("accept a real key in production", async () => {
    const key = await productionKey();

    const env = parseApiEnv({
      ...PRODUCTION,
      CREDENTIAL_SIGNING_KEYS: key.spec,
      CREDENTIAL_SIGNING_KEY_ID: key.kid,
      CREDENTIAL_ISSUER_ID: "https://lumen.example/issuer",
      CREDENTIAL_ISSUER_NAME: "Lumen Academy",
    });
    const issuer = await loadCertificateIssuer(env);

    expect(issuer.key.kid).toBe(key.kid);
    expect(issuer.profile).toEqual({
      id: "https://lumen.example/issuer",
      name: "Lumen Academy",
      url: env.WEB_ORIGIN,
    });
  });

  it("name a signing kid that is not in the ring, and bad JSON, without quoting the keys", async () => {
    const key = await productionKey();

    const missing = envError({
      LUMEN_ENV: "test",
      CREDENTIAL_SIGNING_KEYS: key.spec,
      CREDENTIAL_SIGNING_KEY_ID: "prod-2099-01",
    });
    const broken = envError({ LUMEN_ENV: "test", CREDENTIAL_SIGNING_KEYS: key.spec.slice(0, -3) });

    expect(missing).toMatch(/CREDENTIAL_SIGNING_KEY_ID: "prod-2099-01" is not a kid/);
    expect(broken).toMatch(/CREDENTIAL_SIGNING_KEYS: .*not valid JSON/);
    for (const message of [missing, broken]) expect(message).not.toContain(key.d);
  });

  it("stop the runner when the private key does not belong to its public key, without echoing either", async () => {
    const a = await productionKey("prod-a");
    const b = await productionKey("prod-b");
    const mismatched = JSON.stringify([{ ...a.jwk, d: b.d }]);
    const env = parseApiEnv({
      LUMEN_ENV: "test",
      CREDENTIAL_SIGNING_KEYS: mismatched,
      CREDENTIAL_SIGNING_KEY_ID: "prod-a",
    });

    const error = await loadCertificateIssuer(env).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(CertificateIssuerError);
    const message = error instanceof Error ? error.message : "";
    expect(message).toMatch(/^CREDENTIAL_SIGNING_KEYS: .*prod-a/);
    expect(message).not.toContain(a.d);
    expect(message).not.toContain(b.d);
    expect(message).not.toContain(String(a.jwk.x));
  });
});
