import { Trans } from "@lingui/react/macro";
import s from "./assignment.module.css";
import { formatMoment, formatTimeLeft, leaseAnnouncement } from "./assignment-view";
import { useNow } from "./use-now";

/**
 * The lease's end and the time left. The countdown is for eyes only (a live region ticking
 * every few seconds would talk over the review); a screen reader hears the end time once and
 * a short warning at five minutes, at one, and when time runs out.
 */
export function LeaseClock({ expiresAt }: { expiresAt: string }) {
  const now = useNow(10_000);
  const left = new Date(expiresAt).getTime() - now;
  const until = formatMoment(expiresAt);
  return (
    <p className={s.muted}>
      <Trans>Yours to review until {until}</Trans>
      <span aria-hidden="true"> · {formatTimeLeft(left)}</span>
      <span role="status" className="visually-hidden">
        {leaseAnnouncement(left)}
      </span>
    </p>
  );
}

/** True once the lease's end has passed on this device's clock. */
export function useLeaseOver(expiresAt: string | null): boolean {
  const now = useNow(10_000);
  return expiresAt !== null && new Date(expiresAt).getTime() <= now;
}
