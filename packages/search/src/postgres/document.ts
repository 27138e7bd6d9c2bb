import { type SQL, sql } from "drizzle-orm";
import { languageConfig } from "./languages";

/**
 * The search document of course row `c`, as SQL. Punctuation is turned into spaces first so
 * that the document's words are exactly the runs of letters and digits the query parser
 * produces ("node.js" → node, js). Each field is indexed twice: with 'simple' (exact and
 * prefix matches on the words as written) and, when the course language has a dictionary,
 * stemmed ("courses" → cours), at the same weights.
 */
export function documentSql(): SQL {
  const config = languageConfig(sql`c.language`);
  const weighted = (cfg: SQL) => sql`
    setweight(to_tsvector(${cfg}, n.title), 'A') ||
    setweight(to_tsvector(${cfg}, n.subtitle_tags), 'B') ||
    setweight(to_tsvector(${cfg}, n.description), 'C')`;
  return sql`(${weighted(sql`'simple'::regconfig`)} ||
    case when ${config} = 'simple'::regconfig then ''::tsvector else ${weighted(config)} end)`;
}

/** The lateral `n` that documentSql and termsSql read: each field's words, space-separated. */
export function normalizedFieldsSql(): SQL {
  const words = (text: SQL) => sql`regexp_replace(${text}, '[^[:alnum:]]+', ' ', 'g')`;
  return sql`lateral (select
    ${words(sql`c.title`)} as title,
    ${words(sql`c.subtitle || ' ' || array_to_string(c.tags, ' ')`)} as subtitle_tags,
    ${words(sql`c.description`)} as description) n`;
}

/** The typo-correction vocabulary of course row `c`: words of title, subtitle and tags. */
export function termsSql(): SQL {
  return sql`lateral (select lexeme from unnest(to_tsvector('simple', n.title || ' ' || n.subtitle_tags)))`;
}
