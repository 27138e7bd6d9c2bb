export { type Context, type ContextInner, createContextInner, type SessionUser } from "./context";
export * from "./errors";
export { httpErrorOf } from "./http-errors";
export { type AppRouter, appRouter, createCaller } from "./root";
