/**
 * The editor's look, from the app's colour tokens (CSS variables, which cross into the
 * editor's shadow root): one theme serves light and dark because the tokens are
 * `light-dark()` pairs. Syntax colours are the tokens' "strong" text shades, each at least
 * 4.5:1 on the surface and on the active line's background, in both schemes.
 */
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

const LINE_HEIGHT = 1.5;
const PAD = "var(--space-2)";

export const editorTheme = EditorView.theme({
  "&": {
    color: "var(--color-text)",
    backgroundColor: "var(--color-surface)",
    border: "1px solid var(--color-border-strong)",
    borderRadius: "var(--radius-md)",
    fontSize: "var(--text-md)",
  },
  "&.cm-focused": {
    outline: "2px solid var(--color-focus)",
    outlineOffset: "2px",
  },
  ".cm-scroller": {
    fontFamily: "var(--code-font)",
    lineHeight: String(LINE_HEIGHT),
    borderRadius: "inherit",
  },
  // At least minLines lines tall (the host sets --code-min-lines), padding included.
  ".cm-content, .cm-gutter": {
    minHeight: `calc(var(--code-min-lines, 3) * ${LINE_HEIGHT}em + 2 * ${PAD})`,
  },
  ".cm-content": { padding: `${PAD} 0`, caretColor: "var(--color-text)" },
  ".cm-line": { padding: `0 var(--space-3)` },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--color-text)" },
  ".cm-gutters": {
    color: "var(--color-muted)",
    backgroundColor: "var(--color-surface-subtle)",
    borderRight: "1px solid var(--color-border)",
    borderRadius: "var(--radius-md) 0 0 var(--radius-md)",
  },
  ".cm-activeLine": { backgroundColor: "var(--color-neutral-soft)" },
  ".cm-activeLineGutter": {
    color: "var(--color-text)",
    backgroundColor: "var(--color-neutral-soft)",
  },
  "&.cm-focused .cm-matchingBracket": {
    backgroundColor: "var(--color-primary-soft)",
    outline: "1px solid var(--color-primary-border)",
  },
  "&.cm-focused .cm-nonmatchingBracket": {
    backgroundColor: "var(--color-danger-soft)",
    outline: "1px solid var(--color-danger-border)",
  },
  ".cm-content ::selection, &.cm-focused .cm-content ::selection": {
    backgroundColor: "var(--color-primary-soft-hover)",
  },
});

const highlightStyle = HighlightStyle.define([
  {
    tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword],
    color: "var(--color-primary)",
    fontWeight: "600",
  },
  { tag: [t.string, t.special(t.string), t.regexp], color: "var(--color-success-strong)" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--color-danger)" },
  {
    tag: [t.comment, t.lineComment, t.blockComment],
    color: "var(--color-muted)",
    fontStyle: "italic",
  },
  {
    tag: [
      t.function(t.variableName),
      t.function(t.propertyName),
      t.definition(t.function(t.variableName)),
    ],
    color: "var(--color-accent-strong)",
  },
  {
    tag: [t.className, t.typeName, t.definition(t.className)],
    color: "var(--color-warning-strong)",
  },
  {
    tag: [t.self, t.special(t.variableName)],
    color: "var(--color-primary-strong)",
    fontStyle: "italic",
  },
  { tag: t.invalid, color: "var(--color-danger)", textDecoration: "underline wavy" },
]);

export const editorHighlighting = syntaxHighlighting(highlightStyle);
