/**
 * The one error family services throw. Routers never build TRPCErrors themselves: trpc.ts
 * maps these to tRPC codes (and so to HTTP statuses) in a single place.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: "not_found" | "forbidden" | "unauthorized" | "conflict" | "validation";
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
export class ValidationError extends DomainError {
  readonly kind = "validation";
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}
