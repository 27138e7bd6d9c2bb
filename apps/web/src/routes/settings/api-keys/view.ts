import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { inferOutput } from "@trpc/tanstack-react-query";
import type { BadgeTone } from "../../../components/ui/Badge";
import type { trpc } from "../../../lib/trpc";

export type ApiKey = inferOutput<typeof trpc.apiKeys.list>[number];
export type ApiKeyScope = ApiKey["scope"];

// Labels are message descriptors, translated where shown (`t(label)`).

/** The lifetimes offered (the API accepts 1–366 days or none). */
export const EXPIRY_CHOICES: ReadonlyArray<{
  value: string;
  label: MessageDescriptor;
  days: number | null;
}> = [
  { value: "30", label: msg`30 days`, days: 30 },
  { value: "90", label: msg`90 days`, days: 90 },
  { value: "365", label: msg`1 year`, days: 365 },
  { value: "never", label: msg`Never`, days: null },
];

export const SCOPE_TEXT: Record<
  ApiKeyScope,
  { label: MessageDescriptor; hint: MessageDescriptor }
> = {
  read: {
    label: msg`Read`,
    hint: msg`GET requests only: your courses, progress and certificates.`,
  },
  write: { label: msg`Read and write`, hint: msg`Also enrolls and records progress for you.` },
};

export const STATUS_TEXT: Record<ApiKey["status"], { label: MessageDescriptor; tone: BadgeTone }> =
  {
    active: { label: msg`Active`, tone: "success" },
    expired: { label: msg`Expired`, tone: "warning" },
    revoked: { label: msg`Revoked`, tone: "neutral" },
  };

/** The REST API's base as integrators call it: the SPA's host proxies /api to the API. */
export function apiBaseUrl(origin = globalThis.location?.origin ?? ""): string {
  return `${origin}/api/v1`;
}
