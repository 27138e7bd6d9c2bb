import { DomainError, unstorableTextError, ValidationError } from "@lumen/core/kernel";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { z } from "zod";
import type { Context } from "./context";

export const CODE_BY_KIND: Record<DomainError["kind"], TRPC_ERROR_CODE_KEY> = {
  not_found: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  unauthorized: "UNAUTHORIZED",
  conflict: "CONFLICT",
  validation: "BAD_REQUEST",
  rate_limited: "TOO_MANY_REQUESTS",
};

const t = initTRPC.context<Context>().create({
  // Never ship stack traces to clients, whatever NODE_ENV says.
  isDev: false,
  // Subscriptions (SSE): a ping keeps proxies from closing a quiet stream, and a client that
  // hears nothing for longer reconnects (sending its last event id to catch up).
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 40_000 },
  },
  errorFormatter({ shape, error }) {
    const fieldErrors = fieldErrorsOf(error);
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      // Unknown failures get a generic message; the cause is logged by the HTTP adapter.
      message: internal ? "Something went wrong on our side. Please try again." : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors,
        problems: error.cause instanceof ValidationError ? error.cause.problems : null,
      },
    };
  },
});

function fieldErrorsOf(error: TRPCError): Record<string, string[]> | null {
  if (error.cause instanceof z.ZodError) {
    return z.flattenError(error.cause).fieldErrors as Record<string, string[]>;
  }
  if (error.cause instanceof ValidationError) return error.cause.fieldErrors;
  return null;
}

/**
 * Turns the domain error family (and text Postgres can't store, as a ValidationError) into
 * tRPC errors; everything else stays a 500.
 */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const cause = result.ok
    ? undefined
    : result.error.cause instanceof DomainError
      ? result.error.cause
      : unstorableTextError(result.error.cause);
  if (cause) {
    throw new TRPCError({ code: CODE_BY_KIND[cause.kind], message: cause.message, cause });
  }
  if (
    !result.ok &&
    result.error.code === "BAD_REQUEST" &&
    result.error.cause instanceof z.ZodError
  ) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Invalid input",
      cause: result.error.cause,
    });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);

/**
 * Hands the next step a non-null user, so handlers never re-check the session. `next` merges
 * the ctx it is given into the current one, so only what changes is passed (a spread of the
 * whole context here would be copied twice on every call).
 */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { user: ctx.user } });
});

/**
 * For privileged work: the session and the user's role are read from the database on every
 * call, never from a cache, so a sign-out, a revoked session or a demotion applies at once.
 */
export const privilegedProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const user = await ctx.currentUser();
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { user } });
});

export const instructorProcedure = privilegedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "instructor" && ctx.user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only instructors can do this." });
  }
  return next({ ctx });
});

export const adminProcedure = privilegedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only admins can do this." });
  }
  return next({ ctx });
});
