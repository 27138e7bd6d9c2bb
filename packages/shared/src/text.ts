import { z } from "zod";
import { cleanText, type TextShape, textProblem } from "./text-rules";

export { cleanText, inputTextProblem, type TextShape, textProblem } from "./text-rules";

export interface TextOptions extends TextShape {
  /** The field as people read it ("Title", "File name"): every message starts with it. */
  label: string;
  /** Required: no free text is unbounded. Counted in UTF-16 units after cleaning. */
  max: number;
  /** Message when longer than `max`; default "<label> must be at most <max> characters." */
  tooLong?: string;
  /** The field's own tidying after cleaning, before the checks (tags: lower case). */
  tidy?: (value: string) => string;
}

/** The checks `text()` adds, so tests can tell a schema built here from a bare z.string(). */
const TEXT_CHECKS = new WeakSet<object>();

/**
 * The one schema for free text at every boundary (tRPC inputs, HTTP routes, the edge): cleans
 * the value (NFC; trimmed unless `trim: false`; `\n` line breaks when multi-line), refuses
 * control characters (tab and line feed allowed when multi-line) and lone surrogates with a
 * message naming the field, and bounds the length. Chain `.min()` / `.regex()` as needed.
 * See text-rules.ts for why each rule exists.
 */
export function text(options: TextOptions) {
  const { label, max, tooLong, multiline = false, trim = true, tidy = (value) => value } = options;
  const storable = z.superRefine<string>((value, ctx) => {
    const problem = textProblem(value, label, { multiline });
    if (problem) ctx.addIssue({ code: "custom", message: problem, input: value });
  });
  TEXT_CHECKS.add(storable);
  return z
    .string({ error: `${label} must be text.` })
    .check(
      z.overwrite((value: string) => tidy(cleanText(value, { multiline, trim }))),
      storable,
    )
    .max(max, tooLong ?? `${label} must be at most ${max} characters.`);
}

/** A title, a name, a search box: one line, trimmed. */
export const singleLine = (options: Omit<TextOptions, "multiline">) =>
  text({ ...options, multiline: false });

/** A description, a lesson body, a caption file: tabs and line breaks kept. */
export const multiLine = (options: Omit<TextOptions, "multiline">) =>
  text({ ...options, multiline: true });

/** True when `schema` is a string schema built by `text()` (checks survive `.min()` etc.). */
export function isTextSchema(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def;
  return def.type === "string" && (def.checks ?? []).some((check) => TEXT_CHECKS.has(check));
}
