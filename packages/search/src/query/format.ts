import type { Atom, ParsedQuery } from "./parse";

/** The canonical text of a parsed query: what `correctedQuery` shows after typo correction. */
export function formatQuery(query: ParsedQuery): string {
  const parts = query.required.map((clause) => clause.map(formatAtom).join(" OR "));
  for (const atom of query.excluded) parts.push(`-${formatAtom(atom)}`);
  return parts.join(" ");
}

function formatAtom(atom: Atom): string {
  if (atom.kind === "phrase") return `"${atom.words.join(" ")}"`;
  return atom.prefix ? atom.word : `"${atom.word}"`;
}

/** Every distinct word the query needs to find (exclusions are never corrected). */
export function requiredWords(query: ParsedQuery): string[] {
  const words = query.required.flat().flatMap((a) => (a.kind === "word" ? [a.word] : a.words));
  return [...new Set(words)];
}

/** The same query with some words replaced (typo corrections). */
export function replaceWords(query: ParsedQuery, replacements: Map<string, string>): ParsedQuery {
  const swap = (w: string) => replacements.get(w) ?? w;
  const fix = (atom: Atom): Atom =>
    atom.kind === "word"
      ? { ...atom, word: swap(atom.word) }
      : { ...atom, words: atom.words.map(swap) };
  return { required: query.required.map((clause) => clause.map(fix)), excluded: query.excluded };
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.required.length === 0 && query.excluded.length === 0;
}
