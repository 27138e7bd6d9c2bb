/**
 * Server-rendered text in the reader's language (ADR 0028): the domain's message catalog
 * (emails, notifications) with Lingui, and who reads in which language (`users.locale`).
 */
export { DEFAULT_TIME_ZONE, type Reader, readerOf, readersOf } from "./reader";
export {
  type LocalizedText,
  message,
  renderText,
  type TextValue,
  verbatim,
} from "./text";
export {
  type MessageValues,
  preferredLocale,
  type Translate,
  textLocale,
  translator,
} from "./translate";
