import type { DomainError } from "@lumen/core/kernel";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { CODE_BY_KIND } from "./trpc";

/**
 * The domain error mapping for plain HTTP routes that call services directly (uploads):
 * derived from the tRPC mapping so a service error means the same status on both transports.
 */
export function httpErrorOf(error: DomainError): { status: number; code: string } {
  const code = CODE_BY_KIND[error.kind];
  return { status: getHTTPStatusCodeFromError(new TRPCError({ code })), code };
}
