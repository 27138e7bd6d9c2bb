/**
 * The one free-text rule (no NUL or other control characters, no lone surrogates, NFC,
 * bounded): every text input of the domain is built with these, never with a bare z.string().
 */
export { multiLine, singleLine, text } from "@lumen/shared";
