import type { AppRouter } from "@lumen/trpc";
import { QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import {
  createTRPCOptionsProxy,
  type inferInput,
  type inferOutput,
} from "@trpc/tanstack-react-query";
import { sessionQuery } from "./auth";

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // The session ended server-side (expired, signed out elsewhere): re-read it so the
    // header and signed-in pages stop assuming a user.
    onError: (error) => {
      if (apiErrorCode(error) === "UNAUTHORIZED") {
        void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a 4xx (not found, signed out, bad input) only delays the error screen.
      retry: (failures, error) => failures < 2 && apiErrorCode(error) === null,
    },
  },
});

/** The plain client, for mutations that read the cache when they run (see the course editor). */
export const trpcClient = createTRPCClient<AppRouter>({
  // Live subscriptions do not go through tRPC's client: see lib/sse-subscription.ts.
  links: [
    httpBatchLink({
      url: "/trpc",
      // The API rejects batches larger than 10.
      maxItems: 10,
      fetch: (url, options) => fetch(url, { ...options, credentials: "same-origin" }),
    }),
  ],
});

/** Query/mutation option factories for every procedure; used with TanStack Query hooks. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

export type CoursePage = inferOutput<typeof trpc.catalog.list>;
export type CourseCardData = CoursePage["items"][number];
export type CourseDetail = inferOutput<typeof trpc.catalog.bySlug>;
export type MyEnrollment = inferOutput<typeof trpc.enrollment.mine>[number];
/** One progress event as `progress.record` takes it (the server's zod schema decides). */
export type ProgressEventInput = inferInput<typeof trpc.progress.record>["events"][number];

const CLIENT_ERROR_CODES = [
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_REQUEST",
  "CONFLICT",
  "TOO_MANY_REQUESTS",
] as const;
export type ApiErrorCode = (typeof CLIENT_ERROR_CODES)[number];

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return CLIENT_ERROR_CODES.some((code) => code === value);
}

/** The API's client-error code (4xx) carried by a tRPC error, or null for anything else. */
export function apiErrorCode(error: unknown): ApiErrorCode | null {
  if (!(error instanceof TRPCClientError)) return null;
  const code: unknown = error.data?.code;
  return isApiErrorCode(code) ? code : null;
}

/** Messages per input field that the API attached to a BAD_REQUEST, if any. */
export function apiFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof TRPCClientError)) return out;
  const fields: unknown = error.data?.fieldErrors;
  if (typeof fields !== "object" || fields === null) return out;
  for (const [field, messages] of Object.entries(fields)) {
    if (Array.isArray(messages) && typeof messages[0] === "string") out[field] = messages[0];
  }
  return out;
}

export interface ApiProblem {
  code: string;
  message: string;
  field?: string;
  moduleId?: string;
  lessonId?: string;
}

/** The coded problems a refusal carries (e.g. what blocks publishing). */
export function apiProblems(error: unknown): ApiProblem[] {
  if (!(error instanceof TRPCClientError)) return [];
  const problems: unknown = error.data?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((p: unknown) => {
    if (typeof p !== "object" || p === null) return [];
    const text = (key: string) => {
      const value: unknown = Reflect.get(p, key);
      return typeof value === "string" ? value : undefined;
    };
    const code = text("code");
    const message = text("message");
    if (!code || !message) return [];
    return [
      {
        code,
        message,
        field: text("field"),
        moduleId: text("moduleId"),
        lessonId: text("lessonId"),
      },
    ];
  });
}
