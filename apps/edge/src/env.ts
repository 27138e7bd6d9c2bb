import { z } from "zod";

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

const envSchema = z
  .object({
    MEDIA: r2Bucket,
    CATALOG_KV: kvNamespace,
    ORIGIN_API_URL: z.url({ protocol: /^https?$/ }),
    EDGE_ENV: z.enum(["development", "staging", "production"]),
    /** Bearer secret for POST /internal/catalog/purge (the API's EDGE_PURGE_SECRET). */
    PURGE_SECRET: z.string().min(32, "must be at least 32 characters"),
  })
  .refine(
    (env) => env.EDGE_ENV === "development" || !env.PURGE_SECRET.startsWith(DEV_SECRET_PREFIX),
    {
      path: ["PURGE_SECRET"],
      message: "the development value is not allowed here; set it with `wrangler secret put`",
    },
  );

/** The Worker's validated bindings and vars; the only `env` shape routes ever see. */
export type Env = z.infer<typeof envSchema>;

/** Hono environment for the app and every sub-app mounted with `app.route()`. */
export type AppEnv = { Bindings: Env };

export class EnvError extends Error {
  override name = "EnvError";
}

// The runtime hands every request the same env object, so each one is parsed once per isolate.
const parsed = new WeakMap<object, Env>();

/** Validates the raw bindings; throws an EnvError naming each missing or malformed one. */
export function parseEnv(raw: unknown): Env {
  if (typeof raw === "object" && raw !== null) {
    const cached = parsed.get(raw);
    if (cached) return cached;
  }
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`);
    throw new EnvError(`Invalid Worker bindings (check wrangler.toml): ${problems.join("; ")}`);
  }
  if (typeof raw === "object" && raw !== null) parsed.set(raw, result.data);
  return result.data;
}
