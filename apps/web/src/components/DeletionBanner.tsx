import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { formatDate } from "../lib/format";
import { useCatalog } from "../lib/i18n/catalogs";
import { useSession } from "../lib/session";
import { trpc } from "../lib/trpc";
import { CancelDeletion } from "../routes/settings/privacy/CancelDeletion";
import s from "./DeletionBanner.module.css";
import { Notice } from "./ui/Notice";

/**
 * While the signed-in user's account is scheduled for deletion, every page says so and offers
 * the way back (ADR 0027: signing in during the grace period is allowed and cancels nothing).
 * Its button is the privacy settings' own, so it waits for that catalog (not loaded up front).
 */
export function DeletionBanner() {
  const { t } = useLingui();
  const session = useSession();
  const deletion = useQuery({
    ...trpc.privacy.deletion.queryOptions(),
    enabled: Boolean(session.data),
    staleTime: 60_000,
  });
  const pending = Boolean(session.data) && deletion.data?.state === "pending";
  const settingsStrings = useCatalog("settings", pending);
  if (!pending || !deletion.data || !settingsStrings) return null;
  const date = formatDate(deletion.data.scheduledFor);
  return (
    <Notice tone="warning" as="section" aria-label={t`Account deletion`} className={s.banner}>
      <p>
        <Trans>Your account is scheduled for deletion on {date}.</Trans>
      </p>
      <CancelDeletion size="small" />
    </Notice>
  );
}
