import {
  CATALOG_SORTS,
  CATEGORIES,
  type CatalogQuery,
  COURSE_LEVELS,
  catalogQuerySchema,
  courseSlugSchema,
  LANGUAGE_CODES,
} from "@lumen/shared";
import { z } from "zod";

/** Every parameter the contract knows; anything else (`?utm_source=`, `?_=123`) is ignored. */
const FIELDS = Object.keys(catalogQuerySchema.in.shape);

/** Enumerated values are matched case-insensitively and rewritten to the contract's spelling. */
const CANONICAL_SPELLING: Record<string, ReadonlyMap<string, string>> = {
  category: spellings(CATEGORIES),
  level: spellings(COURSE_LEVELS),
  language: spellings(LANGUAGE_CODES),
  sort: spellings(CATALOG_SORTS),
};

function spellings(values: readonly string[]): ReadonlyMap<string, string> {
  return new Map(values.map((value) => [value.toLowerCase(), value]));
}

export type NormalizedCatalogQuery =
  | { ok: true; query: CatalogQuery; search: string }
  | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Validates a public catalog query with the shared contract and renders it in one canonical
 * form, so requests that mean the same thing share one cache entry and one origin URL:
 * - only contract parameters, first value wins, empty ones dropped (`?level=` = no filter);
 * - whitespace collapsed; query text lowercased (both search backends ignore case);
 *   enumerated values in their canonical spelling (`level=Beginner` → `beginner`);
 * - numbers in canonical form (`page=02` → `2`), defaults dropped (`page=1`, the default sort);
 * - parameters sorted by name.
 */
export function normalizeCatalogQuery(params: URLSearchParams): NormalizedCatalogQuery {
  const raw: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = params.get(field)?.replace(/\s+/g, " ").trim();
    if (!value) continue;
    const spelled = CANONICAL_SPELLING[field]?.get(value.toLowerCase());
    raw[field] = field === "query" ? value.toLowerCase() : (spelled ?? value);
  }
  const parsed = catalogQuerySchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  }
  // Defaults come from the contract itself (the default sort depends on the query text).
  const { query: _text, ...defaults }: Record<string, unknown> = catalogQuerySchema.parse({
    query: parsed.data.query,
  });
  const entries = Object.entries(parsed.data)
    .filter(([field, value]) => value !== undefined && value !== defaults[field])
    .map(([field, value]): [string, string] => [field, String(value)])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return { ok: true, query: parsed.data, search: new URLSearchParams(entries).toString() };
}

/** Slugs are lowercase by contract, so `/courses/Intro-To-R` and `/courses/intro-to-r` are one. */
export function normalizeSlug(raw: string): string | null {
  const parsed = courseSlugSchema.safeParse(raw.trim().toLowerCase());
  return parsed.success ? parsed.data : null;
}

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(z.flattenError(error).fieldErrors)) {
    if (Array.isArray(messages)) fieldErrors[field] = messages;
  }
  return fieldErrors;
}
