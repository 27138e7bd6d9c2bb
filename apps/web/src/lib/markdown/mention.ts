import type { MarkdownIt, StateInline } from "markdown-it";

/**
 * `@[Display Name](user:<id>)`, the mention format the forum's server parses (it keeps only
 * course members and notifies them). Bounded and sticky: one try at each `@`, at most ~170
 * characters read, so hostile text stays linear.
 */
const MENTION = /@\[([^[\]\n]{1,100})\]\(user:([A-Za-z0-9_-]{1,64})\)/y;

export interface Mention {
  name: string;
  userId: string;
}

/** A markdown-it inline rule that turns a mention into one `mention` token (before links). */
export function mentionPlugin(md: MarkdownIt): void {
  md.inline.ruler.before("link", "mention", (state: StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
    MENTION.lastIndex = state.pos;
    const match = MENTION.exec(state.src);
    if (!match || MENTION.lastIndex > state.posMax) return false;
    if (!silent) {
      const token = state.push("mention", "", 0);
      token.meta = { name: match[1]?.trim() ?? "", userId: match[2] ?? "" } satisfies Mention;
    }
    state.pos = MENTION.lastIndex;
    return true;
  });
}

/** The text to insert for a picked member (the mention picker writes this). */
export function mentionMarkup({ name, userId }: Mention): string {
  const safeName =
    name
      .replace(/[[\]\n]/g, " ")
      .trim()
      .slice(0, 100) || "member";
  return `@[${safeName}](user:${userId})`;
}
