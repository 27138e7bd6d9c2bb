/**
 * A small, safe parser for the search box's websearch-like syntax:
 *   words            every word must match (prefix matching happens in the backend)
 *   "a phrase"       the words in this order, adjacent
 *   -word -"phrase"  must not match
 *   a OR b           either (binds tighter than the implicit AND, as in web search engines;
 *                    only the uppercase OR, so the English word "or" stays a word)
 *
 * Every word it emits is one run of letters and digits ([\p{L}\p{N}]), lowercased and NFC
 * normalized, so nothing a user types can reach a backend as an operator, quote or SQL.
 */

/** A bare word also matches as a prefix ("machin" finds "machine"); a quoted one does not. */
export type Atom =
  | { kind: "word"; word: string; prefix: boolean }
  | { kind: "phrase"; words: string[] };

export interface ParsedQuery {
  /** All of these must match; each clause is satisfied by any one of its alternatives. */
  required: Atom[][];
  /** None of these may match. */
  excluded: Atom[];
}

/** Bounds the work a single query can cause, whatever its length. */
export const MAX_ATOMS = 12;

const WORD = /[\p{L}\p{N}]+/gu;

interface Token {
  atom: Atom;
  negated: boolean;
  isOr: boolean;
}

export function parseQuery(text: string): ParsedQuery {
  const required: Atom[][] = [];
  const excluded: Atom[] = [];
  let joinNext = false;
  let atoms = 0;
  for (const token of tokenize(text.normalize("NFC"))) {
    if (token.isOr) {
      // "OR" between two alternatives joins them; a leading or dangling OR is just ignored.
      joinNext = required.length > 0;
      continue;
    }
    if (atoms >= MAX_ATOMS) break;
    atoms += 1;
    if (token.negated) {
      excluded.push(token.atom);
      joinNext = false;
    } else if (joinNext) {
      required[required.length - 1]?.push(token.atom);
      joinNext = false;
    } else {
      required.push([token.atom]);
    }
  }
  return { required, excluded };
}

function* tokenize(text: string): Generator<Token> {
  // A quoted phrase (the closing quote optional), or a run of non-space characters.
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    const [, minus, phrase, bare] = match;
    if (phrase !== undefined) {
      const atom = atomOf(words(phrase), true);
      if (atom) yield { atom, negated: minus === "-", isOr: false };
      continue;
    }
    if (bare === undefined) continue;
    if (bare === "OR" || bare === "|") {
      yield { atom: { kind: "word", word: "or", prefix: false }, negated: false, isOr: true };
      continue;
    }
    // "-word" excludes; a dash inside a word ("real-time") just separates words.
    const negated = bare.length > 1 && bare.startsWith("-");
    const atom = atomOf(words(negated ? bare.slice(1) : bare), false);
    if (atom) yield { atom, negated, isOr: false };
  }
}

function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** "real-time" without quotes reads as the phrase "real time", like web search engines do. */
function atomOf(found: string[], quoted: boolean): Atom | null {
  const [first] = found;
  if (first === undefined) return null;
  if (found.length === 1) return { kind: "word", word: first, prefix: !quoted };
  return { kind: "phrase", words: found };
}
