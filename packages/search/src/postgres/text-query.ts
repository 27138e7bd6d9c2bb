import type { Database } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import { formatQuery, replaceWords, requiredWords } from "../query/format";
import type { Atom, ParsedQuery } from "../query/parse";
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
  /**
   * Set when the words were assumed known (see QueryCache): the preparation is exact if the
   * query matches any course; if it matches none, prepare it again with `verify`.
   */
  unverified?: true;
}

/** Bounds each of the cache's maps; a full map is emptied (the entries are cheap to redo). */
const CACHE_ENTRIES = 10_000;

/**
 * What preparing queries taught this process, so a repeated query costs no statement:
 *   - each atom's printed parts, a pure function of the atom and the configurations (the
 *     dictionaries do not change while Postgres runs), kept as long as there is room;
 *   - which queries needed a correction last time. Only a hint: a query that did not is
 *     prepared without checking its words, which is exact whenever it matches a course (each
 *     of its words then matches one, so it is known); a search that matches none prepares
 *     it again (`verify`). A query that was corrected is always checked;
 *   - the suggestion for each unknown word, reused while the vocabulary version is the same
 *     (the words are still checked: only the trigram scan is saved).
 */
export function createQueryCache() {
  const parts = new Map<string, string[]>();
  const corrected = new Map<string, boolean>();
  const suggestions = new Map<string, Suggestion>();
  const remember = <T>(map: Map<string, T>, key: string, value: T) => {
    if (map.size >= CACHE_ENTRIES) map.clear();
    map.set(key, value);
  };
  return {
    partsOf: (key: string) => parts.get(key),
    setParts: (key: string, value: string[]) => remember(parts, key, value),
    wasCorrected: (key: string) => corrected.get(key) ?? true,
    setCorrected: (key: string, value: boolean) => remember(corrected, key, value),
    suggestionFor: (word: string) => suggestions.get(word),
    setSuggestion: (word: string, value: Suggestion) => remember(suggestions, word, value),
  };
}

/**
 * The most similar vocabulary word to an unknown word ('' for none) as of a vocabulary
 * version (search_vocabulary, raised by the indexer on every change to search_terms): while
 * the version is the same, so is the suggestion.
 */
type Suggestion = { term: string; version: string };
export type QueryCache = ReturnType<typeof createQueryCache>;

/**
 * Turns a parsed query into tsquery text, correcting words the index has never seen. A word
 * counts as known when the vocabulary (search_terms) has a word starting with it, or any
 * document matches it; an unknown word is replaced by the most similar vocabulary word.
 * With a `cache`, atoms printed before are not printed again, and a query that needed no
 * correction last time may come back `unverified` without a statement (see QueryCache);
 * `verify` checks its words whatever the cache says.
 */
export async function prepareQuery(
  db: Database,
  query: ParsedQuery,
  configs: readonly string[],
  { cache, verify = false }: { cache?: QueryCache; verify?: boolean } = {},
): Promise<PreparedQuery> {
  const words = requiredWords(query).filter((w) => w.length >= MIN_CORRECTABLE_LENGTH);
  const stride = configs.length + 1;
  const compose = (q: ParsedQuery, parts: string[]) => ({
    tsquery: composeTsquery(q, parts, stride),
    headline: composeTsquery(q, parts, stride, { stemPrefixes: true }),
    clauses: composeClauses(q, parts, stride).clauses,
  });
  const queryKey = `${configs.join(" ")}\u0000${JSON.stringify(query)}`;
  const cached = cache ? cachedParts(cache, query, configs) : null;
  // A match proves a word known only when its clause has no alternatives to match instead.
  const provable = query.required.every((clause) => clause.length === 1);
  // Without a word to correct there is nothing to check.
  if (cached && words.length === 0) return compose(query, cached);
  if (cached && !verify && provable && !cache?.wasCorrected(queryKey)) {
    return { ...compose(query, cached), unverified: true };
  }

  // `%` is the only similarity test the trigram index serves, and it compares against this
  // setting. The gating WHERE (a one-time filter, evaluated before any row is read) sets it
  // for this statement's transaction only, saving a BEGIN/SET/COMMIT round trip each time.
  // The tsquery sits in a scalar subquery so it is computed once and the GIN index can use
  // it; inline, the planner may scan every row re-evaluating to_tsquery (100+ ms at 100k).
  // A suggestion is only looked for when the word is unknown (CASE evaluates lazily), and
  // taken from the cache while the vocabulary is the one it was computed from. Known words
  // come back null, unknown ones as their suggestion ('' for none).
  const version = sql`(select v.version::text from search_vocabulary v)`;
  const correction = (word: string) => {
    const known = cache?.suggestionFor(word);
    return sql`case
    when exists (select 1 from search_terms where term like ${word} || '%') then null
    when exists (select 1 from course_search
      where document @@ (select ${atomTsquerySql({ kind: "word", word, prefix: true }, configs)})) then null
    ${known ? sql`when ${version} = ${known.version} then ${known.term}::text` : sql``}
    else coalesce((select term from search_terms where term % ${word}
      order by similarity(term, ${word}) desc, term limit 1), '') end`;
  };
  const result = await db.execute<{
    parts: string[];
    corrections: (string | null)[];
    version: string | null;
  }>(sql`select
    ${cached ? sql`array[]::text[]` : partsArray(query, configs)} as parts,
    array[${words.length ? sql.join(words.map(correction), sql`, `) : sql``}]::text[] as corrections,
    ${version} as version
    where (select set_config('pg_trgm.similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true))
      is not null`);
  const row = result.rows[0];
  const parts = cached ?? row?.parts ?? [];
  if (cache && !cached) storeParts(cache, query, configs, parts);
  const replacements = new Map<string, string>();
  for (const [i, word] of words.entries()) {
    const term = row?.corrections[i];
    if (term === null || term === undefined) continue;
    if (term) replacements.set(word, term);
    if (row?.version != null) cache?.setSuggestion(word, { term, version: row.version });
  }
  cache?.setCorrected(queryKey, replacements.size > 0);
  if (replacements.size === 0) return compose(query, parts);
  const corrected = replaceWords(query, replacements);
  let again = cache ? cachedParts(cache, corrected, configs) : null;
  if (!again) {
    const printed = await db.execute<{ parts: string[] }>(
      sql`select ${partsArray(corrected, configs)} as parts`,
    );
    again = printed.rows[0]?.parts ?? [];
    if (cache) storeParts(cache, corrected, configs, again);
  }
  return { ...compose(corrected, again), correctedQuery: formatQuery(corrected) };
}

const atomKey = (atom: Atom, configs: readonly string[]) =>
  `${configs.join(" ")}\u0000${JSON.stringify(atom)}`;

/** Every atom's parts from the cache, flattened, or null when one is missing. */
function cachedParts(cache: QueryCache, query: ParsedQuery, configs: readonly string[]) {
  const parts: string[] = [];
  for (const atom of queryAtoms(query)) {
    const own = cache.partsOf(atomKey(atom, configs));
    if (!own) return null;
    parts.push(...own);
  }
  return parts;
}

function storeParts(
  cache: QueryCache,
  query: ParsedQuery,
  configs: readonly string[],
  parts: readonly string[],
) {
  const stride = configs.length + 1;
  for (const [i, atom] of queryAtoms(query).entries()) {
    cache.setParts(atomKey(atom, configs), parts.slice(i * stride, (i + 1) * stride));
  }
}

/** SQL: every atom's parts as printed tsquery text, flattened (atoms × configs + 1). */
function partsArray(query: ParsedQuery, configs: readonly string[]): SQL {
  const parts = queryAtoms(query).flatMap((atom) =>
    atomPartsSql(atom, configs).map((part) => sql`${part}::text`),
  );
  return sql`array[${parts.length ? sql.join(parts, sql`, `) : sql``}]::text[]`;
}
