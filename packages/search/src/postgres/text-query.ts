import type { Database } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import { formatQuery, replaceWords, requiredWords } from "../query/format";
import type { ParsedQuery } from "../query/parse";
import {
  atomPartsSql,
  atomTsquerySql,
  composeClauses,
  composeTsquery,
  queryAtoms,
} from "./tsquery";

/** pg_trgm similarity a correction needs; "pyhton" → "python" scores 0.27. */
const SIMILARITY_THRESHOLD = 0.25;
/** Shorter words have too few trigrams to correct meaningfully. */
const MIN_CORRECTABLE_LENGTH = 3;

export interface PreparedQuery {
  /** tsquery text, bound as a parameter (`::tsquery`) by the search statements. */
  tsquery: string;
  /** The same with stems as prefixes, for ts_headline over text read with 'simple'. */
  headline: string;
  /** The required clauses of `tsquery`, each as tsquery text (they AND to `tsquery`). */
  clauses: string[];
  /** Set when typo correction changed the query. */
  correctedQuery?: string;
}

/**
 * Turns a parsed query into tsquery text, correcting words the index has never seen. A word
 * counts as known when the vocabulary (search_terms) has a word starting with it, or any
 * document matches it; an unknown word is replaced by the most similar vocabulary word.
 */
export async function prepareQuery(
  db: Database,
  query: ParsedQuery,
  configs: readonly string[],
): Promise<PreparedQuery> {
  const words = requiredWords(query).filter((w) => w.length >= MIN_CORRECTABLE_LENGTH);
  // The tsquery sits in a scalar subquery so it is computed once and the GIN index can use
  // it; inline, the planner may scan every row re-evaluating to_tsquery (100+ ms at 100k).
  const known = (word: string) => sql`case
    when exists (select 1 from search_terms where term like ${word} || '%') then true
    else exists (select 1 from course_search
      where document @@ (select ${atomTsquerySql({ kind: "word", word, prefix: true }, configs)})) end`;
  const result = await db.execute<{ parts: string[]; known: boolean[] }>(sql`select
    ${partsArray(query, configs)} as parts,
    array[${words.length ? sql.join(words.map(known), sql`, `) : sql``}]::boolean[] as known`);
  const row = result.rows[0];
  const unknown = words.filter((_, i) => row?.known[i] === false);
  const compose = (q: ParsedQuery, parts: string[] = []) => ({
    tsquery: composeTsquery(q, parts, configs.length + 1),
    headline: composeTsquery(q, parts, configs.length + 1, { stemPrefixes: true }),
    clauses: composeClauses(q, parts, configs.length + 1).clauses,
  });
  if (unknown.length === 0) return compose(query, row?.parts);

  // `%` is the only similarity test the trigram index serves, and it compares against this
  // setting. The gating WHERE (a one-time filter, evaluated before any row is read) sets it
  // for this statement's transaction only, saving a BEGIN/SET/COMMIT round trip each time.
  const suggestions = await db.execute<{ word: string; term: string | null }>(sql`
    select w.word, (select term from search_terms where term % w.word
      order by similarity(term, w.word) desc, term limit 1) as term
    from unnest(${sql.param(unknown)}::text[]) as w(word)
    where (select set_config('pg_trgm.similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true))
      is not null`);
  const replacements = new Map<string, string>();
  for (const { word, term } of suggestions.rows) if (term) replacements.set(word, term);
  if (replacements.size === 0) return compose(query, row?.parts);
  const corrected = replaceWords(query, replacements);
  const again = await db.execute<{ parts: string[] }>(
    sql`select ${partsArray(corrected, configs)} as parts`,
  );
  return { ...compose(corrected, again.rows[0]?.parts), correctedQuery: formatQuery(corrected) };
}

/** SQL: every atom's parts as printed tsquery text, flattened (atoms × configs + 1). */
function partsArray(query: ParsedQuery, configs: readonly string[]): SQL {
  const parts = queryAtoms(query).flatMap((atom) =>
    atomPartsSql(atom, configs).map((part) => sql`${part}::text`),
  );
  return sql`array[${parts.length ? sql.join(parts, sql`, `) : sql``}]::text[]`;
}
