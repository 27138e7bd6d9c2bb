import { databaseEnvSchema } from "@lumen/db";
import { searchEnvIssues, searchEnvSchema } from "@lumen/search";
import { z } from "zod";

const DEV_AUTH_SECRET = "lumen-dev-only-secret-never-use-in-production";
/** Must equal PURGE_SECRET in the repo-root .dev.vars, which `wrangler dev` gives the edge. */
const DEV_EDGE_PURGE_SECRET = "lumen-dev-only-purge-secret-not-for-production";

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
    /** Trust X-Forwarded-For from a reverse proxy for the client IP (rate limits). */
    TRUST_PROXY: z.stringbool().default(false),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(1024 * 1024),
    TRPC_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** The edge Worker; the job runner tells it to purge catalog caches after publishing. */
    EDGE_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:8787"),
    /** Bearer secret for the edge's purge endpoint (the Worker's PURGE_SECRET). */
    EDGE_PURGE_SECRET: z
      .string()
      .min(32, "EDGE_PURGE_SECRET must be at least 32 characters")
      .optional(),
  })
  .superRefine((env, ctx) => {
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
    if (env.LUMEN_ENV === "production" && !env.EDGE_PURGE_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["EDGE_PURGE_SECRET"],
        message: "EDGE_PURGE_SECRET is required in production",
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
  .transform((env) => ({
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    EDGE_PURGE_SECRET: env.EDGE_PURGE_SECRET ?? DEV_EDGE_PURGE_SECRET,
    AUTH_BASE_URL: env.AUTH_BASE_URL ?? env.WEB_ORIGIN,
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
