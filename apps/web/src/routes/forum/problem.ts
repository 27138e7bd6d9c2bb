import { t } from "@lingui/core/macro";
import { TRPCClientError } from "@trpc/client";
import { apiErrorCode } from "../../lib/trpc";

/**
 * The API's own message for a refusal (muted, locked, too many posts, a duplicate), which is
 * written for the reader; anything else (network, server error) gets `fallback` (translated
 * by the caller). Called while rendering, so the active language applies.
 */
export function problemMessage(error: unknown, fallback: string): string {
  if (apiErrorCode(error) !== null && error instanceof TRPCClientError && error.message) {
    return error.message;
  }
  return t`${fallback} Check your connection and try again.`;
}
