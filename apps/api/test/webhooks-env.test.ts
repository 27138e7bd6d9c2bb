import { generateIssuerKey } from "@lumen/credentials";
import {
  DEV_DOCUMENT_SIGNING_CERT,
  DEV_DOCUMENT_SIGNING_KEY,
} from "@lumen/credentials/dev-document-signer";
import { describe, expect, it } from "vitest";
import { EnvError, parseApiEnv } from "../src/env";

/** A production environment the parser accepts (its certificate settings are not checked here). */
async function production(extra: Record<string, string> = {}) {
  const { privateJwk } = await generateIssuerKey("prod-2026-01");
  return {
    LUMEN_ENV: "production",
    DATABASE_URL: "postgres://lumen@db.internal/lumen",
    AUTH_SECRET: "a-production-auth-secret-of-enough-length",
    EDGE_INTERNAL_SECRET: "a-production-internal-secret-of-enough-length",
    MEDIA_SIGNING_KEYS: "k1:a-production-media-key-of-enough-length",
    MEDIA_SIGNING_KEY_ID: "k1",
    SMTP_URL: "smtp://mail.internal:587",
    MAIL_FROM: "Lumen <no-reply@lumen.example>",
    EMAIL_TOKEN_SECRET: "a-production-email-token-secret-of-enough-length",
    CREDENTIAL_SIGNING_KEYS: JSON.stringify([privateJwk]),
    CREDENTIAL_SIGNING_KEY_ID: "prod-2026-01",
    CREDENTIAL_ISSUER_ID: "https://verify.lumen.academy/issuer",
    DOCUMENT_SIGNING_CERT: DEV_DOCUMENT_SIGNING_CERT,
    DOCUMENT_SIGNING_KEY: DEV_DOCUMENT_SIGNING_KEY,
    ...extra,
  };
}

describe("WEBHOOKS_ALLOW_PRIVATE_TARGETS", () => {
  it("is on in development and test, for local receivers", () => {
    expect(parseApiEnv({}).WEBHOOKS_ALLOW_PRIVATE_TARGETS).toBe(true);
    expect(parseApiEnv({ LUMEN_ENV: "test" }).WEBHOOKS_ALLOW_PRIVATE_TARGETS).toBe(true);
  });

  it("is off in production unless set to true", async () => {
    expect(parseApiEnv(await production()).WEBHOOKS_ALLOW_PRIVATE_TARGETS).toBe(false);
    const on = await production({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true" });
    expect(parseApiEnv(on).WEBHOOKS_ALLOW_PRIVATE_TARGETS).toBe(true);
  });

  it("refuses anything but true or false, naming the variable", () => {
    expect(() => parseApiEnv({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: "yes please" })).toThrow(EnvError);
    expect(() => parseApiEnv({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: "yes please" })).toThrow(
      /WEBHOOKS_ALLOW_PRIVATE_TARGETS/,
    );
  });
});
