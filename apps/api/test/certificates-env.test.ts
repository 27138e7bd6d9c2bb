import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { generateIssuerKey } from "@lumen/credentials";
import {
  DEV_DOCUMENT_SIGNING_CERT,
  DEV_DOCUMENT_SIGNING_KEY,
} from "@lumen/credentials/dev-document-signer";
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
  EDGE_INTERNAL_SECRET: "a-production-internal-secret-of-enough-length",
  MEDIA_SIGNING_KEYS: "k1:a-production-media-key-of-enough-length",
  MEDIA_SIGNING_KEY_ID: "k1",
  SMTP_URL: "smtp://mail.internal:587",
  MAIL_FROM: "Lumen <no-reply@lumen.example>",
  EMAIL_TOKEN_SECRET: "a-production-email-token-secret-of-enough-length",
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

/** A fresh self-signed RSA document-signing certificate (openssl), as production would configure. */
async function productionDocumentCert() {
  const dir = await mkdtemp(join(tmpdir(), "lumen-doc-cert-"));
  try {
    await promisify(execFile)("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "30",
      "-sha256",
      "-subj",
      "/CN=Lumen Academy document signer",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ]);
    return {
      DOCUMENT_SIGNING_CERT: await readFile(join(dir, "cert.pem"), "utf8"),
      DOCUMENT_SIGNING_KEY: await readFile(join(dir, "key.pem"), "utf8"),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
      CREDENTIAL_ISSUER_ID: "https://verify.lumen.academy/issuer",
    });

    expect(message).toMatch(/CREDENTIAL_SIGNING_KEYS: development keys \(dev-2026-11\)/);
  });

  it("accept a real key in production", async () => {
    const key = await productionKey();

    const env = parseApiEnv({
      ...PRODUCTION,
      ...(await productionDocumentCert()),
      CREDENTIAL_SIGNING_KEYS: key.spec,
      CREDENTIAL_SIGNING_KEY_ID: key.kid,
      CREDENTIAL_ISSUER_ID: "https://verify.lumen.academy/issuer",
      CREDENTIAL_ISSUER_NAME: "Lumen Academy",
    });
    const issuer = await loadCertificateIssuer(env);

    expect(issuer.key.kid).toBe(key.kid);
    expect(issuer.documentSigner.commonName).toBe("Lumen Academy document signer");
    expect(issuer.profile).toEqual({
      id: "https://verify.lumen.academy/issuer",
      name: "Lumen Academy",
      url: env.WEB_ORIGIN,
    });
  });

  it("refuse a placeholder or non-https issuer id in production, and any path but /issuer", async () => {
    const key = await productionKey();
    const production = {
      ...PRODUCTION,
      CREDENTIAL_SIGNING_KEYS: key.spec,
      CREDENTIAL_SIGNING_KEY_ID: key.kid,
    };

    const placeholder = envError({ ...production, CREDENTIAL_ISSUER_ID: DEV_ISSUER_ID });
    const plain = envError({
      ...production,
      CREDENTIAL_ISSUER_ID: "http://verify.lumen.academy/issuer",
    });
    const local = envError({ ...production, CREDENTIAL_ISSUER_ID: "https://localhost/issuer" });
    const elsewhere = envError({
      LUMEN_ENV: "test",
      CREDENTIAL_ISSUER_ID: "https://lumen.localhost/x",
    });

    expect(placeholder).toMatch(
      /CREDENTIAL_ISSUER_ID: "lumen.localhost" is a development placeholder/,
    );
    expect(plain).toMatch(/CREDENTIAL_ISSUER_ID: must be an https URL in production/);
    expect(local).toMatch(/CREDENTIAL_ISSUER_ID: "localhost" is a development placeholder/);
    expect(elsewhere).toMatch(/CREDENTIAL_ISSUER_ID: must be <the edge's public origin>\/issuer/);
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

  it("refuse a key without its private part as the runner would, naming it by kid only", async () => {
    const key = await productionKey();
    const { d: _, ...publicOnly } = key.jwk;

    const message = envError({
      LUMEN_ENV: "test",
      CREDENTIAL_SIGNING_KEYS: JSON.stringify([publicOnly]),
      CREDENTIAL_SIGNING_KEY_ID: key.kid,
    });

    expect(message).toMatch(
      /CREDENTIAL_SIGNING_KEYS: issuer signing keys: key "prod-2026-01" needs its private part "d"/,
    );
    expect(message).not.toContain(String(key.jwk.x));
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

describe("document-signing certificate settings", () => {
  it("default to the development certificate outside production", async () => {
    const issuer = await loadCertificateIssuer(parseApiEnv({ LUMEN_ENV: "test" }));

    expect(issuer.documentSigner.commonName).toBe("Lumen DEVELOPMENT ONLY document signer");
  });

  it("are required in production", () => {
    expect(envError(PRODUCTION)).toMatch(/DOCUMENT_SIGNING_CERT: .*required in production/);
  });

  it("need both halves of a PEM pair", () => {
    const message = envError({
      LUMEN_ENV: "test",
      DOCUMENT_SIGNING_CERT: DEV_DOCUMENT_SIGNING_CERT,
    });

    expect(message).toMatch(/DOCUMENT_SIGNING_KEY: .*PEM pair/);
  });

  it("refuse the committed development certificate in production, without quoting the key", async () => {
    const key = await productionKey();
    const env = parseApiEnv({
      ...PRODUCTION,
      CREDENTIAL_SIGNING_KEYS: key.spec,
      CREDENTIAL_SIGNING_KEY_ID: key.kid,
      CREDENTIAL_ISSUER_ID: "https://verify.lumen.academy/issuer",
      DOCUMENT_SIGNING_CERT: DEV_DOCUMENT_SIGNING_CERT,
      DOCUMENT_SIGNING_KEY: DEV_DOCUMENT_SIGNING_KEY,
    });

    const error = await loadCertificateIssuer(env).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(CertificateIssuerError);
    const message = error instanceof Error ? error.message : "";
    expect(message).toMatch(/^DOCUMENT_SIGNING_CERT: .*public and refused in production/);
    expect(message).not.toContain("PRIVATE KEY");
  });
});
