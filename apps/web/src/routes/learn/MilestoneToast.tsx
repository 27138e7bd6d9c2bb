import { t } from "@lingui/core/macro";
import { useEffect, useRef, useState } from "react";
import { ToastRegion } from "../../components/ui/Toast";
import { AwardIcon } from "./CertificateCard";

const SHOW_MS = 10_000;

/** Called while rendering the toast, so the active language applies. */
export function milestoneMessage(percent: number, courseTitle: string): string {
  return percent >= 100
    ? t`You completed ${courseTitle}! Your certificate is on its way.`
    : t`You reached ${percent} % of ${courseTitle}.`;
}

/**
 * Says so when the learner reaches a milestone while on the page (a progress batch or a quiz
 * pass): a polite live region, always in the page so the change is announced, that also
 * shows as a toast for a while. Milestones already reached when the page opened stay quiet.
 */
export function MilestoneToast({
  courseTitle,
  milestones,
}: {
  courseTitle: string;
  milestones: readonly number[] | undefined;
}) {
  const known = useRef<Set<number> | null>(null);
  const [reached, setReached] = useState<number | null>(null);
  useEffect(() => {
    if (!milestones) return;
    if (known.current === null) {
      known.current = new Set(milestones);
      return;
    }
    const fresh = milestones.filter((m) => !known.current?.has(m));
    for (const m of fresh) known.current.add(m);
    if (fresh.length > 0) setReached(Math.max(...fresh));
  }, [milestones]);
  useEffect(() => {
    if (reached === null) return;
    const timer = window.setTimeout(() => setReached(null), SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [reached]);
  return (
    <ToastRegion icon={<AwardIcon />} onDismiss={() => setReached(null)}>
      {reached !== null && milestoneMessage(reached, courseTitle)}
    </ToastRegion>
  );
}
