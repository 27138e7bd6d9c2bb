/**
 * Lookup tables over one inline text, each built in a single pass on first use, so that
 * finding what closes a bracket, parenthesis, emphasis delimiter or backtick run costs O(1)
 * instead of a scan to the end of the text per attempt. Those scans made the parser
 * quadratic: 100,000 `[` took 13–20 s, and a free-preview lesson could freeze a tab.
 */
export class InlineScan {
  private readonly text: string;
  private brackets: Int32Array | undefined;
  private parens: Int32Array | undefined;
  // Keyed by delimiter (`*` or `_`); plain fields, as most texts are short and need none.
  private singles: Record<string, Int32Array> | undefined;
  private doubles: Record<string, Int32Array> | undefined;
  private ticks: Int32Array | undefined;
  private ticksAhead: Int32Array | undefined;

  constructor(text: string) {
    this.text = text;
  }

  /** The `]` that closes the `[` at `open` (nesting counted, `\` skips a character), or -1. */
  closingBracket(open: number): number {
    this.brackets ??= matchPairs(this.text, "[", "]", true);
    return (this.brackets[open] ?? 0) - 1;
  }

  /** The `)` that closes the `(` at `open` (nesting counted), or -1. */
  closingParen(open: number): number {
    this.parens ??= matchPairs(this.text, "(", ")", false);
    return (this.parens[open] ?? 0) - 1;
  }

  /**
   * The closer of a single `*`/`_` searched from `from`: the first `ch` not followed by another
   * (a pair is skipped whole, as a double delimiter), or -1.
   */
  singleCloser(ch: string, from: number): number {
    this.singles ??= {};
    this.singles[ch] ??= singles(this.text, ch);
    return this.singles[ch][from] ?? -1;
  }

  /** The first `chch` (`**` or `__`) starting at or after `from`, or -1. */
  doubleCloser(ch: string, from: number): number {
    this.doubles ??= {};
    this.doubles[ch] ??= doubles(this.text, ch);
    return this.doubles[ch][from] ?? -1;
  }

  /** How many backticks in a row start at `at`. */
  backtickRun(at: number): number {
    this.ticks ??= backtickRuns(this.text);
    return this.ticks[at] ?? 0;
  }

  /**
   * The first position at or after `from` where `length` backticks in a row start, or -1.
   * A miss is O(1) (the longest run still ahead is known); a hit walks to it, and the caller
   * then takes that stretch as code, so every character is walked at most once.
   */
  backticks(length: number, from: number): number {
    this.ticks ??= backtickRuns(this.text);
    this.ticksAhead ??= longestAhead(this.ticks);
    if ((this.ticksAhead[from] ?? 0) < length) return -1;
    let at = from;
    while ((this.ticks[at] ?? 0) < length) at++;
    return at;
  }
}

/** Each opener's closer, plus one (0: none). No closer anywhere: one shared empty table. */
function matchPairs(text: string, open: string, close: string, escapes: boolean): Int32Array {
  if (!text.includes(close)) return NONE;
  const match = new Int32Array(text.length);
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (escapes && ch === "\\") i++;
    else if (ch === open) stack.push(i);
    else if (ch === close && stack.length > 0) match[stack.pop() ?? 0] = i + 1;
  }
  return match;
}
const NONE = new Int32Array(0);

function singles(text: string, ch: string): Int32Array {
  const next = new Int32Array(text.length + 2).fill(-1);
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] !== ch) next[i] = next[i + 1] ?? -1;
    else next[i] = text[i + 1] === ch ? (next[i + 2] ?? -1) : i;
  }
  return next;
}

function doubles(text: string, ch: string): Int32Array {
  const next = new Int32Array(text.length + 1).fill(-1);
  for (let i = text.length - 2; i >= 0; i--) {
    next[i] = text[i] === ch && text[i + 1] === ch ? i : (next[i + 1] ?? -1);
  }
  return next;
}

function backtickRuns(text: string): Int32Array {
  const runs = new Int32Array(text.length + 1);
  for (let i = text.length - 1; i >= 0; i--) runs[i] = text[i] === "`" ? (runs[i + 1] ?? 0) + 1 : 0;
  return runs;
}

function longestAhead(runs: Int32Array): Int32Array {
  const longest = new Int32Array(runs.length);
  for (let i = runs.length - 2; i >= 0; i--) {
    longest[i] = Math.max(runs[i] ?? 0, longest[i + 1] ?? 0);
  }
  return longest;
}
