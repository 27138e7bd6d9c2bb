import { describe, expect, it } from "vitest";
import { formatQuery, replaceWords, requiredWords } from "./format";
import { MAX_ATOMS, parseQuery } from "./parse";

const word = (w: string, prefix = true) => ({ kind: "word", word: w, prefix });

describe("parseQuery", () => {
  it("reads bare words as required prefixes, lowercased", () => {
    expect(parseQuery("Machin LEARN")).toEqual({
      required: [[word("machin")], [word("learn")]],
      excluded: [],
    });
  });

  it("reads quoted text as a phrase and a quoted single word as exact", () => {
    expect(parseQuery('"machine learning" "python"').required).toEqual([
      [{ kind: "phrase", words: ["machine", "learning"] }],
      [word("python", false)],
    ]);
  });

  it("closes an unterminated quote at the end of the query", () => {
    expect(parseQuery('intro "deep learn').required).toEqual([
      [word("intro")],
      [{ kind: "phrase", words: ["deep", "learn"] }],
    ]);
  });

  it('excludes -word and -"phrase", but a dash inside a word only separates', () => {
    expect(parseQuery('python -java -"web design" real-time')).toEqual({
      required: [[word("python")], [{ kind: "phrase", words: ["real", "time"] }]],
      excluded: [word("java"), { kind: "phrase", words: ["web", "design"] }],
    });
  });

  it("joins alternatives with uppercase OR, tighter than the implicit AND", () => {
    expect(parseQuery("intro python OR java").required).toEqual([
      [word("intro")],
      [word("python"), word("java")],
    ]);
    expect(parseQuery("black or white").required).toHaveLength(3);
  });

  it("ignores a leading or dangling OR", () => {
    expect(parseQuery("OR python OR").required).toEqual([[word("python")]]);
  });

  it("keeps only letters and digits, so operators and SQL never reach a backend", () => {
    const parsed = parseQuery("'; DROP TABLE courses; -- & | ! :* <-> \\ $1");
    const everyWord = [...parsed.required.flat(), ...parsed.excluded].flatMap((a) =>
      a.kind === "word" ? [a.word] : a.words,
    );
    expect(everyWord).toEqual(["drop", "table", "courses", "1"]);
    for (const w of everyWord) expect(w).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it("keeps letters of every script and normalizes to NFC", () => {
    expect(requiredWords(parseQuery("Estadi\u0301stica 機械学習 Ünïcode"))).toEqual([
      "estadística",
      "機械学習",
      "ünïcode",
    ]);
  });

  it("yields nothing for punctuation-only input", () => {
    expect(parseQuery(`"" - OR ' ; --`)).toEqual({ required: [], excluded: [] });
  });

  it("bounds the number of terms a query can carry", () => {
    const parsed = parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "));
    expect(parsed.required).toHaveLength(MAX_ATOMS);
  });
});

describe("formatQuery", () => {
  it("writes a parsed query back in canonical form", () => {
    expect(
      formatQuery(parseQuery(' Python  OR java "Deep  learning" -"web design" -x "exact"')),
    ).toBe('python OR java "deep learning" "exact" -"web design" -x');
  });

  it("shows typo corrections in place", () => {
    const corrected = replaceWords(
      parseQuery('pyhton "machne learning"'),
      new Map([
        ["pyhton", "python"],
        ["machne", "machine"],
      ]),
    );
    expect(formatQuery(corrected)).toBe('python "machine learning"');
  });
});
