import { databaseFailureOf, isUnstorableText } from "@lumen/db";
import { ValidationError } from "./errors";

export const UNSTORABLE_TEXT_MESSAGE =
  "Some of the text contains a character that can't be stored (such as U+0000). Remove it and try again.";
export const TOO_LONG_TEXT_MESSAGE =
  "Some of the text is too long to store. Shorten it and try again.";

/**
 * The safety net behind the text() schemas: a value Postgres refuses to store (see
 * isUnstorableText) is the client's bad input, answered like any other (400), whichever
 * driver raised it. Null for every other error, which stays a 500.
 */
export function unstorableTextError(error: unknown): ValidationError | null {
  const failure = databaseFailureOf(error);
  if (!failure || !isUnstorableText(failure)) return null;
  return new ValidationError(
    failure.code === "22001" ? TOO_LONG_TEXT_MESSAGE : UNSTORABLE_TEXT_MESSAGE,
  );
}
