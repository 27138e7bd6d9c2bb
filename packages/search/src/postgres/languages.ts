import type { LanguageCode } from "@lumen/shared";
import { type SQL, sql } from "drizzle-orm";

/**
 * Course languages that have a Postgres snowball dictionary; the others are indexed with
 * the 'simple' configuration only (lowercased words, no stemming).
 */
export const STEMMING_CONFIGS: Partial<Record<LanguageCode, string>> = {
  en: "english",
  es: "spanish",
  fr: "french",
  de: "german",
  pt: "portuguese",
  it: "italian",
};

/** Every stemming configuration, for queries that do not know the course language. */
export const ALL_STEMMING_CONFIGS = [...new Set(Object.values(STEMMING_CONFIGS))];

/** Config names are our own constants, never input; checked so `sql.raw` stays safe. */
function configLiteral(name: string): SQL {
  if (!/^[a-z]+$/.test(name)) throw new Error(`not a text search configuration: ${name}`);
  return sql.raw(`'${name}'::regconfig`);
}

/** SQL: the text search configuration for a course language column. */
export function languageConfig(language: SQL): SQL {
  const branches = Object.entries(STEMMING_CONFIGS).map(
    ([code, config]) => sql`when ${sql.raw(`'${code}'`)} then ${configLiteral(config ?? "simple")}`,
  );
  return sql`(case ${language} ${sql.join(branches, sql` `)} else 'simple'::regconfig end)`;
}

/** SQL: to_tsquery with a constant configuration. */
export function toTsquery(config: string, text: SQL): SQL {
  return sql`to_tsquery(${configLiteral(config)}, ${text})`;
}
