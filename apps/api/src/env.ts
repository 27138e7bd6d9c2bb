import {
  DEV_ISSUER_ID,
  DEV_ISSUER_KID,
  DEV_ISSUER_NAME,
  DEV_ISSUER_SIGNING_KEYS,
} from "@lumen/credentials/dev-keys";
import { databaseEnvSchema } from "@lumen/db";
import { parseKeyRing } from "@lumen/media-tokens";
import { searchEnvIssues, searchEnvSchema } from "@lumen/search";
import { z } from "zod";
import { parseTrustProxy } from "./client-ip";
import { credentialEnvIssues } from "./credential-env";
import { documentSigningEnvIssues } from "./document-signing-env";

/** The mail catcher `pnpm dev` starts (maildev); its web inbox is in the dev banner. */
export const DEV_SMTP_URL = "smtp://127.0.0.1:1025";
const DEV_MAIL_FROM = "Lumen <no-reply@lumen.localhost>";
const DEV_AUTH_SECRET = "lumen-dev-only-secret-never-use-in-production";
const DEV_EMAIL_TOKEN_SECRET = "lumen-dev-only-email-token-secret-not-for-production";
/** Must equal EDGE_INTERNAL_SECRET in the repo-root .dev.vars, which `wrangler dev` gives the edge. */
const DEV_EDGE_INTERNAL_SECRET = "lumen-dev-only-internal-secret-not-for-production";
const secretRule = (name: string) => z.string().min(32, `${name} must be at least 32 characters`);
/** Must equal MEDIA_KEYS in the repo-root .dev.vars (the edge verifies what the API signs). */
const DEV_MEDIA_SIGNING_KEYS = "dev1:lumen-dev-only-media-key-not-for-production";

export const apiEnvSchema = databaseEnvSchema
  .extend(searchEnvSchema.shape)
  .extend({
    LUMEN_ENV: z.enum(["development", "test", "production"]).default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    /** Origin of the SPA: CORS and better-auth's trusted origins. */
    WEB_ORIGIN: z.url().default("http://localhost:5173"),
    /** Public URL the auth routes are reached at (the SPA's origin when it proxies /api). */
    AUTH_BASE_URL: z.url().optional(),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    /**
     * Proxies whose X-Forwarded-For names the client (rate limits): `false`, `true` (any peer;
     * refused in production) or a comma-separated list of addresses/CIDRs.
     */
    TRUST_PROXY: z
      .string()
      .default("false")
      .transform((raw, ctx) => {
        const parsed = parseTrustProxy(raw);
        if ("value" in parsed) return parsed.value;
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }),
    /** Outgoing mail (verification links). Development: the local catcher `pnpm dev` runs. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().trim().min(3).optional(),
    /**
     * Signs the links in emails (HMAC-SHA256): one-click unsubscribe links, and data export
     * download links (also handed out on the privacy page).
     */
    EMAIL_TOKEN_SECRET: secretRule("EMAIL_TOKEN_SECRET").optional(),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(1024 * 1024),
    /** Requests per minute each caller (API key, else user) may make to /api/v1. */
    API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** Days a requested account deletion waits, cancellable, before it runs (ADR 0027). */
    ACCOUNT_DELETION_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(14),
    /**
     * Months of progress events kept besides the current one: older monthly partitions are
     * dropped once the dashboard rollup has applied them (its figures stay; ADR 0029).
     */
    PROGRESS_EVENTS_RETENTION_MONTHS: z.coerce.number().int().min(1).max(1200).default(12),
    /** The share of a course (percent) a learner completes before they may rate it (ADR 0032). */
    RATING_MIN_COMPLETION_PERCENT: z.coerce.number().int().min(0).max(100).default(20),
    TRPC_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** The edge Worker; the job runner tells it to purge catalog caches after publishing. */
    EDGE_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:8787"),
    /**
     * Bearer secret for the edge's internal routes: catalog purges, certificate and status list
     * publishing (the Worker's EDGE_INTERNAL_SECRET).
     */
    EDGE_INTERNAL_SECRET: secretRule("EDGE_INTERNAL_SECRET").optional(),
    /** EDGE_INTERNAL_SECRET's old name, read for one release (start-up logs a warning). */
    EDGE_PURGE_SECRET: secretRule("EDGE_PURGE_SECRET").optional(),
    /** Media token keys `kid:secret,…` (the edge's MEDIA_KEYS) and the one that signs now. */
    MEDIA_SIGNING_KEYS: z.string().optional(),
    MEDIA_SIGNING_KEY_ID: z.string().default("dev1"),
    /** The edge as browsers reach it (upload and playback URLs); defaults to EDGE_URL. */
    EDGE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    VIDEO_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024 * 1024)
      .max(5 * 1024 ** 4)
      .default(5 * 1024 ** 3),
    PLAYBACK_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(3600, "playback tokens may live at most 1 hour")
      .default(900),
    /**
     * Let webhook deliveries reach private, loopback and link-local addresses (the SSRF guard
     * refuses them otherwise). Always on in development and test, for local receivers.
     */
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true"),
    /** Submissions one job runner grades at once (each run is one gVisor sandbox). */
    GRADER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
    /** FFmpeg binaries for the job runner; default: `ffmpeg` / `ffprobe` on PATH. */
    FFMPEG_PATH: z.string().min(1).optional(),
    FFPROBE_PATH: z.string().min(1).optional(),
    /**
     * Certificate signing: a JSON array of private Ed25519 JWKs (each with a kid; retired keys
     * stay listed) and the kid that signs now. Default: the committed development key.
     */
    CREDENTIAL_SIGNING_KEYS: z.string().min(1).optional(),
    CREDENTIAL_SIGNING_KEY_ID: z.string().min(1).optional(),
    /** The issuer id in every credential; must equal the edge's ISSUER_ID. */
    CREDENTIAL_ISSUER_ID: z.url().optional(),
    CREDENTIAL_ISSUER_NAME: z.string().trim().min(1).max(200).default(DEV_ISSUER_NAME),
    /**
     * The issuer's document-signing certificate, which signs certificate PDFs: a PEM chain
     * (signer first) and its PEM private key, or a base64 PKCS#12 bundle and its password.
     * Default: the committed development certificate (refused in production).
     */
    DOCUMENT_SIGNING_CERT: z.string().min(1).optional(),
    DOCUMENT_SIGNING_KEY: z.string().min(1).optional(),
    DOCUMENT_SIGNING_P12: z.string().min(1).optional(),
    DOCUMENT_SIGNING_P12_PASSWORD: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MEDIA_SIGNING_KEYS !== undefined) {
      try {
        const ring = parseKeyRing(env.MEDIA_SIGNING_KEYS);
        if (!ring.has(env.MEDIA_SIGNING_KEY_ID)) {
          ctx.addIssue({
            code: "custom",
            path: ["MEDIA_SIGNING_KEY_ID"],
            message: `"${env.MEDIA_SIGNING_KEY_ID}" is not a key id in MEDIA_SIGNING_KEYS`,
          });
        }
      } catch (error) {
        ctx.addIssue({ code: "custom", path: ["MEDIA_SIGNING_KEYS"], message: String(error) });
      }
    }
    if (env.LUMEN_ENV === "production" && !env.MEDIA_SIGNING_KEYS) {
      ctx.addIssue({
        code: "custom",
        path: ["MEDIA_SIGNING_KEYS"],
        message: "MEDIA_SIGNING_KEYS is required in production",
      });
    }
    for (const { path, message } of documentSigningEnvIssues(env)) {
      ctx.addIssue({ code: "custom", path: [path], message });
    }
    for (const { path, message } of credentialEnvIssues(env)) {
      ctx.addIssue({ code: "custom", path: [path], message });
    }
    for (const { path, message } of searchEnvIssues(env)) {
      ctx.addIssue({ code: "custom", path: [path], message });
    }
    if (env.LUMEN_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "AUTH_SECRET is required in production",
      });
    }
    if (env.LUMEN_ENV === "production" && env.TRUST_PROXY === true) {
      ctx.addIssue({
        code: "custom",
        path: ["TRUST_PROXY"],
        message:
          "TRUST_PROXY=true would let any client choose its address; in production list the load balancers' addresses or CIDRs (e.g. TRUST_PROXY=10.0.0.0/8)",
      });
    }
    for (const name of ["SMTP_URL", "MAIL_FROM", "EMAIL_TOKEN_SECRET"] as const) {
      if (env.LUMEN_ENV === "production" && !env[name]) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `${name} is required in production`,
        });
      }
    }
    const { EDGE_INTERNAL_SECRET: edgeSecret, EDGE_PURGE_SECRET: oldEdgeSecret } = env;
    if (edgeSecret && oldEdgeSecret && edgeSecret !== oldEdgeSecret) {
      ctx.addIssue({
        code: "custom",
        path: ["EDGE_INTERNAL_SECRET"],
        message:
          "EDGE_PURGE_SECRET (its deprecated name) is also set, to a different value; delete EDGE_PURGE_SECRET",
      });
    }
    if (env.LUMEN_ENV === "production" && !edgeSecret && !oldEdgeSecret) {
      ctx.addIssue({
        code: "custom",
        path: ["EDGE_INTERNAL_SECRET"],
        message: "EDGE_INTERNAL_SECRET is required in production",
      });
    }
    if (env.LUMEN_ENV === "production" && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: "DATABASE_URL is required in production",
      });
    }
  })
  .transform(({ EDGE_PURGE_SECRET, ...env }) => ({
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    EDGE_INTERNAL_SECRET: env.EDGE_INTERNAL_SECRET ?? EDGE_PURGE_SECRET ?? DEV_EDGE_INTERNAL_SECRET,
    // Variables set under a deprecated name; start-up logs a warning for each (boot.ts).
    deprecatedNames:
      EDGE_PURGE_SECRET === undefined
        ? []
        : [{ deprecated: "EDGE_PURGE_SECRET", current: "EDGE_INTERNAL_SECRET" }],
    MEDIA_SIGNING_KEYS: env.MEDIA_SIGNING_KEYS ?? DEV_MEDIA_SIGNING_KEYS,
    WEBHOOKS_ALLOW_PRIVATE_TARGETS:
      env.WEBHOOKS_ALLOW_PRIVATE_TARGETS || env.LUMEN_ENV !== "production",
    EDGE_PUBLIC_URL: env.EDGE_PUBLIC_URL ?? env.EDGE_URL,
    AUTH_BASE_URL: env.AUTH_BASE_URL ?? env.WEB_ORIGIN,
    SMTP_URL: env.SMTP_URL ?? DEV_SMTP_URL,
    MAIL_FROM: env.MAIL_FROM ?? DEV_MAIL_FROM,
    EMAIL_TOKEN_SECRET: env.EMAIL_TOKEN_SECRET ?? DEV_EMAIL_TOKEN_SECRET,
    CREDENTIAL_SIGNING_KEYS: env.CREDENTIAL_SIGNING_KEYS ?? DEV_ISSUER_SIGNING_KEYS,
    CREDENTIAL_SIGNING_KEY_ID: env.CREDENTIAL_SIGNING_KEY_ID ?? DEV_ISSUER_KID,
    CREDENTIAL_ISSUER_ID: env.CREDENTIAL_ISSUER_ID ?? DEV_ISSUER_ID,
  }));

export type ApiEnv = z.infer<typeof apiEnvSchema>;

export class EnvError extends Error {}

/** Parses the environment once at start-up; the message names every bad variable. */
export function parseApiEnv(source: Record<string, string | undefined>): ApiEnv {
  const parsed = apiEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`,
    );
    throw new EnvError(`Invalid API environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
