import { plural, t } from "@lingui/core/macro";
import { inputTextProblem } from "@lumen/shared/text-rules";
import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../../../../lib/trpc";

/**
 * The words and numbers of an instructor's "Learners" tab, apart from the markup. Called while
 * rendering, so the global `t` reads the active language.
 */
export type CourseLearners = inferOutput<typeof trpc.progress.courseLearners>;
export type CourseLearner = CourseLearners["learners"][number];

/** The distribution's 11 bands: 0–9 %, 10–19 %, … 90–99 %, then exactly 100 %. */
export const BAND_LABELS: readonly string[] = [
  ...Array.from({ length: 10 }, (_, i) => `${i * 10}–${i * 10 + 9} %`),
  "100 %",
];

/** One sentence for the chart's accessible name: every band that has learners. */
export function distributionSummary(distribution: readonly number[]): string {
  const total = distribution.reduce((sum, n) => sum + n, 0);
  if (total === 0) return t`Completion: no learners yet.`;
  const bands = distribution
    .map((count, i) => {
      const band = BAND_LABELS[i] ?? "";
      return count > 0 ? t`${count} at ${band}` : null;
    })
    .filter(Boolean)
    .join(", ");
  return t`Completion of ${plural(total, { one: "# learner", other: "# learners" })}: ${bands}.`;
}

export interface Bar {
  label: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bars scaled to the fullest band, bottom-aligned in a `width` × `height` box. */
export function distributionBars(
  distribution: readonly number[],
  { width, height, gap }: { width: number; height: number; gap: number },
): Bar[] {
  const bands = BAND_LABELS.length;
  const max = Math.max(1, ...distribution);
  const slot = width / bands;
  return BAND_LABELS.map((label, i) => {
    const count = distribution[i] ?? 0;
    // A band with learners stays visible however many the fullest band has.
    const h = count === 0 ? 0 : Math.max(2, (count / max) * height);
    return { label, count, x: i * slot + gap / 2, y: height - h, width: slot - gap, height: h };
  });
}

export const REVOKE_REASON = { min: 3, max: 500 } as const;

/** The same rules as the API's: a reason of 3–500 characters (trimmed), text it can store. */
export function revokeReasonProblem(reason: string): string | null {
  const length = reason.trim().length;
  if (length < REVOKE_REASON.min)
    return t`Say why the certificate is revoked (at least 3 characters).`;
  if (length > REVOKE_REASON.max) return t`Keep the reason under 500 characters.`;
  return inputTextProblem(reason, "Reason", { multiline: true });
}

export type CertificateState = "none" | "issued" | "revoked";

export function certificateState(certificate: CourseLearner["certificate"]): CertificateState {
  if (!certificate) return "none";
  return certificate.revokedAt ? "revoked" : "issued";
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}
