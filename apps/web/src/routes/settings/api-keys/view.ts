import type { inferOutput } from "@trpc/tanstack-react-query";
import type { BadgeTone } from "../../../components/ui/Badge";
import type { trpc } from "../../../lib/trpc";

export type ApiKey = inferOutput<typeof trpc.apiKeys.list>[number];
export type ApiKeyScope = ApiKey["scope"];

/** The lifetimes offered (the API accepts 1–366 days or none). */
export const EXPIRY_CHOICES: ReadonlyArray<{ value: string; label: string; days: number | null }> =
  [
    { value: "30", label: "30 days", days: 30 },
    { value: "90", label: "90 days", days: 90 },
    { value: "365", label: "1 year", days: 365 },
    { value: "never", label: "Never", days: null },
  ];

export const SCOPE_TEXT: Record<ApiKeyScope, { label: string; hint: string }> = {
  read: { label: "Read", hint: "GET requests only: your courses, progress and certificates." },
  write: { label: "Read and write", hint: "Also enrolls and records progress for you." },
};

export const STATUS_TEXT: Record<ApiKey["status"], { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "warning" },
  revoked: { label: "Revoked", tone: "neutral" },
};

/** The REST API's base as integrators call it: the SPA's host proxies /api to the API. */
export function apiBaseUrl(origin = globalThis.location?.origin ?? ""): string {
  return `${origin}/api/v1`;
}
