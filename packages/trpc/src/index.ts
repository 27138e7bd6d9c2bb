export { type Context, type ContextInner, createContextInner } from "./context";
export { httpErrorOf } from "./http-errors";
export { type AppRouter, appRouter, createCaller } from "./root";
