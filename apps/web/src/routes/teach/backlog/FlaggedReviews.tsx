import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "../../../components/ui/Badge";
import { buttonClass, linkButtonClass } from "../../../components/ui/Button";
import { queryClient, trpc, trpcClient } from "../../../lib/trpc";
import s from "./backlog.module.css";
import { type AssignmentBacklog, formatWhen } from "./backlog-view";

const RESOLUTIONS: Record<string, MessageDescriptor> = {
  kept: msg`Grade kept`,
  overridden: msg`Grade overridden`,
};

/**
 * Reviews learners flagged as unfair, open ones first: the reason and whose work it was. Staff
 * keep the grade here, or open the submission to grade it again (an override).
 */
export function FlaggedReviews({
  backlog,
  onOpen,
}: {
  backlog: AssignmentBacklog;
  onOpen: (submissionId: string) => void;
}) {
  const { t, i18n } = useLingui();
  const resolutionLabel = (resolution: string) => {
    const label = RESOLUTIONS[resolution];
    return label ? i18n._(label) : resolution;
  };
  const [announcement, setAnnouncement] = useState("");
  const keep = useMutation({
    mutationFn: (reviewId: string) => trpcClient.assignment.keepReview.mutate({ reviewId }),
    onSuccess: async () => {
      setAnnouncement(t`The grade was kept; the flag is resolved.`);
      await refreshBacklog(backlog.lessonId);
      requestAnimationFrame(() => document.getElementById("flagged-heading")?.focus());
    },
  });
  if (backlog.flagged.length === 0)
    return (
      <p className="muted">
        <Trans>No reviews have been flagged.</Trans>
      </p>
    );
  return (
    <>
      <ul className={s.flagged}>
        {backlog.flagged.map((flag) => {
          const aboutId = `flag-${flag.reviewId}`;
          return (
            <li key={flag.reviewId} className={s.flag}>
              <p id={aboutId} className={s.flagAbout}>
                <Trans>
                  A review of <strong translate="no">{flag.authorName}</strong>'s submission,
                  flagged {formatWhen(flag.flaggedAt)}
                </Trans>
              </p>
              <blockquote className={s.reason} translate="no">
                {flag.reason}
              </blockquote>
              <div className={s.flagActions}>
                {flag.resolution ? (
                  <Badge tone="neutral">{resolutionLabel(flag.resolution)}</Badge>
                ) : (
                  <button
                    type="button"
                    className={buttonClass({ variant: "secondary", size: "small" })}
                    aria-describedby={aboutId}
                    disabled={keep.isPending}
                    onClick={() => keep.mutate(flag.reviewId)}
                  >
                    <Trans>Keep the grade</Trans>
                  </button>
                )}
                <button
                  type="button"
                  className={linkButtonClass}
                  aria-describedby={aboutId}
                  onClick={() => onOpen(flag.submissionId)}
                >
                  <Trans>Open the submission</Trans>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {keep.isError && (
        <p className={s.error} role="alert">
          {keep.error.message}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}

export async function refreshBacklog(lessonId: string) {
  await Promise.all([
    queryClient.invalidateQueries(trpc.assignment.backlog.queryFilter({ lessonId })),
    queryClient.invalidateQueries(trpc.assignment.staffSubmission.queryFilter()),
  ]);
}
