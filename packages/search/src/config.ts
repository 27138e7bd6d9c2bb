import type { Database } from "@lumen/db";
import { z } from "zod";
import { createPostgresSearch } from "./postgres/backend";
import type { SearchBackend } from "./types";
import { createTypesenseSearch } from "./typesense/backend";

/** SEARCH_RATING_MIN_COUNT's default; tools that index outside an app (dev, e2e) use it too. */
export const DEFAULT_RATING_MIN_COUNT = 3;

/**
 * The search part of an app's environment; each app merges it into its own env schema.
 * Postgres full-text search is the default; Typesense needs both its URL and API key.
 */
export const searchEnvSchema = z.object({
  SEARCH_BACKEND: z.enum(["postgres", "typesense"]).default("postgres"),
  TYPESENSE_URL: z.url({ protocol: /^https?$/ }).optional(),
  TYPESENSE_API_KEY: z.string().min(1).optional(),
  TYPESENSE_COLLECTION: z
    .string()
    .regex(/^[a-z0-9_-]+$/, "TYPESENSE_COLLECTION: lowercase letters, digits, _ and -")
    .default("courses"),
  /**
   * Ratings a course needs before the catalog's minimum-rating filter counts it (ADR 0032);
   * the "rating" sort needs none (it damps). A change takes effect with `pnpm search:reindex`.
   */
  SEARCH_RATING_MIN_COUNT: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(DEFAULT_RATING_MIN_COUNT),
});
export type SearchEnv = z.infer<typeof searchEnvSchema>;

/** Issues for a superRefine: Typesense selected without the settings it needs. */
export function searchEnvIssues(env: SearchEnv): Array<{ path: string; message: string }> {
  if (env.SEARCH_BACKEND !== "typesense") return [];
  const missing = (["TYPESENSE_URL", "TYPESENSE_API_KEY"] as const).filter((key) => !env[key]);
  return missing.map((key) => ({
    path: key,
    message: `${key} is required when SEARCH_BACKEND=typesense`,
  }));
}

/** The one place a search backend is chosen; apps build it once and pass it down. */
export function createSearchBackend(db: Database, env: SearchEnv): SearchBackend {
  if (env.SEARCH_BACKEND === "postgres")
    return createPostgresSearch({ db, minRatingCount: env.SEARCH_RATING_MIN_COUNT });
  const [issue] = searchEnvIssues(env);
  if (issue || !env.TYPESENSE_URL || !env.TYPESENSE_API_KEY) {
    throw new Error(issue?.message ?? "Typesense is not configured");
  }
  return createTypesenseSearch({
    db,
    url: env.TYPESENSE_URL,
    apiKey: env.TYPESENSE_API_KEY,
    collection: env.TYPESENSE_COLLECTION,
    minRatingCount: env.SEARCH_RATING_MIN_COUNT,
  });
}
