import type { LanguageCode } from "@lumen/shared";
import { type SQL, sql } from "drizzle-orm";
import type { Atom, ParsedQuery } from "../query/parse";
import { ALL_STEMMING_CONFIGS, STEMMING_CONFIGS, toTsquery } from "./languages";

/**
 * Stemming configurations a query is expanded with: the filtered language's when there is
 * one, otherwise every language we stem (the query's own language is unknown).
 */
export function stemmingConfigsFor(language: LanguageCode | undefined): string[] {
  if (!language) return ALL_STEMMING_CONFIGS;
  const config = STEMMING_CONFIGS[language];
  return config ? [config] : [];
}

/**
 * SQL: the tsqueries of one atom, 'simple' first, then one per stemming config. Only words
 * of letters and digits reach to_tsquery (the parser guarantees it), joined by our own
 * operators, and they travel as bound parameters.
 */
export function atomPartsSql(atom: Atom, configs: readonly string[]): SQL[] {
  const text = atom.kind === "phrase" ? atom.words.join(" <-> ") : atom.word;
  const simple = atom.kind === "word" && atom.prefix ? `${text}:*` : text;
  return [
    toTsquery("simple", sql`${simple}`),
    ...configs.map((config) => toTsquery(config, sql`${text}`)),
  ];
}

/** SQL: one atom as a single tsquery (its parts OR-ed). */
export function atomTsquerySql(atom: Atom, configs: readonly string[]): SQL {
  return sql`(${sql.join(atomPartsSql(atom, configs), sql` || `)})`;
}

export function queryAtoms(query: ParsedQuery): Atom[] {
  return [...query.required.flat(), ...query.excluded];
}

const SINGLE_LEXEME = /^'([\p{L}\p{N}]+)'$/u;

/**
 * One atom's tsquery from the texts Postgres printed for it: its words as written, or any
 * distinct stem they have. A stem the prefix already covers is dropped, since every extra
 * alternative costs time in ranking. With `stemPrefixes`, single-word stems match as
 * prefixes: that query highlights "learning" for a stem 'learn' in text read with 'simple'.
 */
function atomAlternatives(atom: Atom, parts: readonly string[], stemPrefixes: boolean) {
  const [simple = "", ...stems] = parts;
  const alternatives = new Set(simple ? [simple] : []);
  for (const stem of stems) {
    const lexeme = SINGLE_LEXEME.exec(stem)?.[1];
    const covered = atom.kind === "word" && atom.prefix && lexeme?.startsWith(atom.word);
    if (!stem || covered) continue;
    alternatives.add(stemPrefixes && lexeme ? `${stem}:*` : stem);
  }
  return alternatives.size ? `(${[...alternatives].join(" | ")})` : null;
}

/**
 * The whole query as tsquery text, from `parts` (each atom's texts from atomPartsSql, in
 * `queryAtoms` order, `stride` per atom). Printed tsquery text is quoted by Postgres itself,
 * so joining the pieces with operators yields a well-formed tsquery, bound as one parameter.
 */
export function composeTsquery(
  query: ParsedQuery,
  parts: readonly string[],
  stride: number,
  options: { stemPrefixes?: boolean } = {},
): string {
  const { clauses, exclusions } = composeClauses(query, parts, stride, options);
  return [...clauses, ...exclusions].join(" & ");
}

/**
 * The query's required clauses and its exclusions as tsquery texts; ANDed, they are
 * composeTsquery's result. A one-word query's only clause is its whole tsquery.
 */
export function composeClauses(
  query: ParsedQuery,
  parts: readonly string[],
  stride: number,
  { stemPrefixes = false } = {},
): { clauses: string[]; exclusions: string[] } {
  let i = 0;
  const next = (atom: Atom) => {
    const own = parts.slice(i * stride, (i + 1) * stride);
    i += 1;
    return atomAlternatives(atom, own, stemPrefixes);
  };
  const clauses = query.required
    .map((clause) => clause.map(next).filter((t) => t !== null))
    .filter((alternatives) => alternatives.length > 0)
    .map((alternatives) => `(${alternatives.join(" | ")})`);
  const exclusions = query.excluded.map(next).flatMap((t) => (t ? [`!${t}`] : []));
  return { clauses, exclusions };
}
