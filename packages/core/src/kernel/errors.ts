/**
 * The one error family services throw. Routers never build TRPCErrors themselves: trpc.ts
 * maps these to tRPC codes (and so to HTTP statuses) in a single place.
 */
export abstract class DomainError extends Error {
  abstract readonly kind:
    | "not_found"
    | "forbidden"
    | "unauthorized"
    | "conflict"
    | "validation"
    | "rate_limited";
}

export class NotFoundError extends DomainError {
  readonly kind = "not_found";
}
export class ForbiddenError extends DomainError {
  readonly kind = "forbidden";
}
export class UnauthorizedError extends DomainError {
  readonly kind = "unauthorized";
}
export class ConflictError extends DomainError {
  readonly kind = "conflict";
}
/** Too much too fast (posting limits): the message says when to try again. */
export class RateLimitedError extends DomainError {
  readonly kind = "rate_limited";
}
/** One coded problem a client can list as-is (e.g. what blocks publishing a course). */
export interface Problem {
  code: string;
  message: string;
  /** The form field or editor area the problem belongs to, when there is one. */
  field?: string;
}

export class ValidationError extends DomainError {
  readonly kind = "validation";
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}
