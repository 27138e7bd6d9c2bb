import {
  CredentialKeyError,
  isDevelopmentKid,
  issuerIdProblem,
  type PublicJwk,
  parseIssuerKeys,
} from "@lumen/credentials";
import { type KeyRing, KeyRingError, parseKeyRing } from "@lumen/media-tokens";
import { z } from "zod";
import { type Logger, logger } from "./log";
import { withRenamedSecrets } from "./renamed-secrets";
import type { ServerTiming } from "./timing";

/** True when `value` is an object exposing every named method, as a binding stub does. */
function hasMethods(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return names.every((name) => typeof record[name] === "function");
}

// Bindings are host objects, not plain data, so they are checked by shape: enough to catch a
// missing or misnamed binding in wrangler.toml without depending on workerd internals.
const r2Bucket = z.custom<R2Bucket>(
  (value) => hasMethods(value, ["get", "put", "head", "delete", "list"]),
  "expected an R2 bucket binding",
);
const kvNamespace = z.custom<KVNamespace>(
  (value) => hasMethods(value, ["get", "put", "delete", "list"]),
  "expected a KV namespace binding",
);

// The value in the repo-root .dev.vars: public on purpose, so it must never reach production.
const DEV_SECRET_PREFIX = "lumen-dev-only-";

const notForProduction =
  "the development value is not allowed here; set it with `wrangler secret put`";

const envSchema = z
  .object({
    MEDIA: r2Bucket,
    CATALOG_KV: kvNamespace,
    ORIGIN_API_URL: z.url({ protocol: /^https?$/ }),
    EDGE_ENV: z.enum(["development", "staging", "production"]),
    /**
     * Bearer secret for the internal routes the API's job runner calls: POST
     * /internal/catalog/purge, PUT /internal/certificates/:id and /internal/status-lists/:n (the
     * API's EDGE_INTERNAL_SECRET). Formerly PURGE_SECRET, still read for one release.
     */
    EDGE_INTERNAL_SECRET: z.string().min(32, "must be at least 32 characters"),
    /** Media token key ring `kid:secret[,kid:secret…]` (the API's MEDIA_SIGNING_KEYS). */
    MEDIA_KEYS: z.string(),
    /** Verified certificate records (`cert:<id>`), published by the API's job runner. */
    CERTIFICATES_KV: kvNamespace,
    /** The issuer's public keys as a JWKS: every key the API has ever signed with. */
    ISSUER_KEYS: z.string(),
    /**
     * The issuer id credentials must name (the API's CREDENTIAL_ISSUER_ID): `<this Worker's
     * public origin>/issuer`, where it serves the issuer profile; https and public outside
     * development (issuer-id.ts).
     */
    ISSUER_ID: z.url(),
    /** The issuer's display name, for GET /issuer. */
    ISSUER_NAME: z.string().min(1).default("Lumen"),
    /** Postgres for certificates missing from KV; without it a KV miss is a 404. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Local only: `host:port` of tools/neon-ws-proxy, so the Neon driver reaches plain Postgres. */
    NEON_WS_PROXY: z
      .string()
      .regex(/^(ws:\/\/)?[\w.-]+:\d{1,5}$/, "expected host:port")
      .optional(),
  })
  // One pass over every secret, so a misconfigured deploy hears about every problem at once.
  .superRefine((env, ctx) => {
    const development = env.EDGE_ENV === "development";
    if (!development && env.EDGE_INTERNAL_SECRET.startsWith(DEV_SECRET_PREFIX)) {
      ctx.addIssue({ code: "custom", path: ["EDGE_INTERNAL_SECRET"], message: notForProduction });
    }
    const ring = keyRingOf(env.MEDIA_KEYS);
    if (typeof ring === "string") {
      ctx.addIssue({ code: "custom", path: ["MEDIA_KEYS"], message: ring });
    } else if (
      !development &&
      [...ring.values()].some((k) => k.secret.startsWith(DEV_SECRET_PREFIX))
    ) {
      ctx.addIssue({ code: "custom", path: ["MEDIA_KEYS"], message: notForProduction });
    }
    const issuerKeys = issuerKeysOf(env.ISSUER_KEYS);
    if (typeof issuerKeys === "string") {
      ctx.addIssue({ code: "custom", path: ["ISSUER_KEYS"], message: issuerKeys });
    } else if (!development && issuerKeys.some((k) => isDevelopmentKid(k.kid))) {
      ctx.addIssue({ code: "custom", path: ["ISSUER_KEYS"], message: notForProduction });
    }
    const issuerId = issuerIdProblem(env.ISSUER_ID, !development);
    if (issuerId) ctx.addIssue({ code: "custom", path: ["ISSUER_ID"], message: issuerId });
    // The proxy speaks plain WebSocket: outside development it would send the password in clear.
    if (!development && env.NEON_WS_PROXY !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["NEON_WS_PROXY"],
        message: "is for local development only; Neon itself needs no proxy",
      });
    }
  })
  // Parsed here, once per isolate, so no request pays for it (token checks are the hot path).
  .transform((env) => ({
    ...env,
    mediaKeys: parseKeyRing(env.MEDIA_KEYS),
    issuerKeys: parseIssuerKeys(env.ISSUER_KEYS),
  }));

/** The parsed JWKS, or a problem description (CredentialKeyError never quotes key material). */
function issuerKeysOf(json: string): PublicJwk[] | string {
  try {
    return parseIssuerKeys(json);
  } catch (error) {
    if (!(error instanceof CredentialKeyError)) throw error;
    return error.message;
  }
}

/** The parsed ring, or a problem description that never repeats any part of the secret. */
function keyRingOf(spec: string): KeyRing | string {
  try {
    return parseKeyRing(spec);
  } catch (error) {
    if (!(error instanceof KeyRingError)) throw error;
    // KeyRingError quotes key ids; a malformed entry's "id" may be part of a secret.
    return `not a valid key ring (${error.message.replace(/"[^"]*"/g, '"…"')}); format kid:secret[,kid:secret…]`;
  }
}

/** The Worker's validated bindings and vars; the only `env` shape routes ever see. */
export type Env = z.output<typeof envSchema>;

/**
 * The raw bindings as wrangler.toml and .dev.vars declare them (before parsing), plus the
 * deprecated name EDGE_INTERNAL_SECRET is still read under (renamed-secrets.ts).
 */
export type Bindings = z.input<typeof envSchema> & { PURGE_SECRET?: string };

/**
 * Hono environment for the app and every sub-app mounted with `app.route()`: the parsed
 * bindings and the request's logger (middleware/request-log.ts).
 */
export type AppEnv = { Bindings: Env; Variables: { log: Logger; timing: ServerTiming } };

export class EnvError extends Error {
  override name = "EnvError";
}

// The runtime hands every request the same env object, so each one is parsed once per isolate.
const parsed = new WeakMap<object, Env>();

/**
 * Validates the raw bindings; throws an EnvError naming each missing or malformed one. A secret
 * set under its deprecated name is used and logged as a warning, once per isolate (the runtime
 * hands every request the same env object, so that is the Worker's start-up).
 */
export function parseEnv(raw: unknown, log: Pick<Logger, "warn"> = logger): Env {
  if (typeof raw === "object" && raw !== null) {
    const cached = parsed.get(raw);
    if (cached) return cached;
  }
  const renamed = withRenamedSecrets(raw);
  const result = envSchema.safeParse(renamed.bindings);
  const problems = [
    ...renamed.conflicts,
    ...(result.error?.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`) ?? []),
  ];
  if (!result.success || problems.length > 0) {
    throw new EnvError(`Invalid Worker bindings (check wrangler.toml): ${problems.join("; ")}`);
  }
  for (const { deprecated, current } of renamed.deprecations) {
    log.warn(
      `${deprecated} is deprecated: it is now ${current}; set that and delete ${deprecated}`,
      {
        deprecated,
        current,
      },
    );
  }
  if (typeof raw === "object" && raw !== null) parsed.set(raw, result.data);
  return result.data;
}
