import { t } from "@lingui/core/macro";
/**
 * The code editor's logic that needs no DOM: the keyboard hint, the ids an editor is
 * described by, and the smallest change that turns one document into another (so a new
 * value from outside, such as "Reset to starter code", lands as one undoable edit instead of
 * replacing the editor's state and its undo history).
 */

export type CodeLanguage = "python" | "javascript";

/** Python's convention is four spaces; JavaScript's (and Prettier's) two. */
export function indentFor(language: CodeLanguage): string {
  return language === "python" ? "    " : "  ";
}

/**
 * Tab indents inside the editor, so keyboard users need to know how to get out: CodeMirror
 * lets Tab move focus when Escape was pressed just before. A read-only editor does not take
 * Tab at all, so it needs no hint.
 */
export function keyboardHint(readOnly: boolean): string | null {
  return readOnly ? null : t`Tab indents. To leave the editor, press Escape, then Tab.`;
}

/** The id of the editor's visible hint, derived from the editor's own id. */
export const hintId = (id: string) => `${id}-hint`;

/** The ids the editing surface is described by: its hint (when shown), then the caller's. */
export function describedByIds(id: string, readOnly: boolean, describedBy?: string): string[] {
  const ids = keyboardHint(readOnly) ? [hintId(id)] : [];
  return [...ids, ...(describedBy ?? "").split(/\s+/).filter(Boolean)];
}

export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/**
 * The single replacement of `current[from, to)` by `insert` that yields `next`, keeping the
 * longest common prefix and suffix: the learner's cursor and undo history outside the changed
 * span map through untouched. Null when the two are equal.
 */
export function minimalChange(current: string, next: string): TextChange | null {
  if (current === next) return null;
  const shorter = Math.min(current.length, next.length);
  let prefix = 0;
  while (prefix < shorter && current.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    current.charCodeAt(current.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Never split a surrogate pair: a change boundary inside one would leave half a character.
  if (prefix > 0 && isHighSurrogate(current.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(current.charCodeAt(current.length - suffix))) suffix--;
  return {
    from: prefix,
    to: current.length - suffix,
    insert: next.slice(prefix, next.length - suffix),
  };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The texts the editor has sent to onChange that have not come back yet as its `value` prop.
 * A prop equal to one of them is the echo of the editor's own edit, possibly a stale one (the
 * page re-rendered with it after more keys were typed): writing it back would undo those keys
 * and put the caret before them. Echoes arrive in the order they were sent.
 */
export class EchoBuffer {
  #pending: string[] = [];

  sent(text: string): void {
    this.#pending.push(text);
    // A parent that never stores the value (it transforms or ignores it) never echoes.
    if (this.#pending.length > 100) this.#pending.shift();
  }

  /** True for an echo (it and the ones before it are done); false for a value from outside. */
  isEcho(value: string): boolean {
    const at = this.#pending.indexOf(value);
    this.#pending = at === -1 ? [] : this.#pending.slice(at + 1);
    return at !== -1;
  }
}

/** What the code editor takes (the lazy CodeMirror chunk and its stand-in alike). */
export interface CodeEditorProps {
  id: string;
  value: string;
  onChange(value: string): void;
  language: CodeLanguage;
  /** The accessible name of the editing surface. */
  label: string;
  readOnly?: boolean;
  /** The height to show without scrolling, in lines (3 by default). */
  minLines?: number;
  /** Ids of elements that describe the code (e.g. the exercise's instructions). */
  describedBy?: string;
}
