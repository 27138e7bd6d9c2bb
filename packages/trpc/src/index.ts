export { type Context, type ContextInner, createContextInner, type SessionUser } from "./context";
export {
  TOO_LONG_TEXT_MESSAGE,
  UNSTORABLE_TEXT_MESSAGE,
  unstorableTextError,
} from "./database-errors";
export * from "./errors";
export { httpErrorOf } from "./http-errors";
export { type AppRouter, appRouter, createCaller } from "./root";
