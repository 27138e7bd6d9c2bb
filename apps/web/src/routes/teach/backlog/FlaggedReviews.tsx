import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "../../../components/ui/Badge";
import { buttonClass, linkButtonClass } from "../../../components/ui/Button";
import { queryClient, trpc, trpcClient } from "../../../lib/trpc";
import s from "./backlog.module.css";
import { type AssignmentBacklog, formatWhen } from "./backlog-view";

const RESOLUTIONS: Record<string, string> = { kept: "Grade kept", overridden: "Grade overridden" };

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
  const [announcement, setAnnouncement] = useState("");
  const keep = useMutation({
    mutationFn: (reviewId: string) => trpcClient.assignment.keepReview.mutate({ reviewId }),
    onSuccess: async () => {
      setAnnouncement("The grade was kept; the flag is resolved.");
      await refreshBacklog(backlog.lessonId);
      requestAnimationFrame(() => document.getElementById("flagged-heading")?.focus());
    },
  });
  if (backlog.flagged.length === 0) return <p className="muted">No reviews have been flagged.</p>;
  return (
    <>
      <ul className={s.flagged}>
        {backlog.flagged.map((flag) => {
          const aboutId = `flag-${flag.reviewId}`;
          return (
            <li key={flag.reviewId} className={s.flag}>
              <p id={aboutId} className={s.flagAbout}>
                A review of <strong>{flag.authorName}</strong>'s submission, flagged{" "}
                {formatWhen(flag.flaggedAt)}
              </p>
              <blockquote className={s.reason}>{flag.reason}</blockquote>
              <div className={s.flagActions}>
                {flag.resolution ? (
                  <Badge tone="neutral">{RESOLUTIONS[flag.resolution] ?? flag.resolution}</Badge>
                ) : (
                  <button
                    type="button"
                    className={buttonClass({ variant: "secondary", size: "small" })}
                    aria-describedby={aboutId}
                    disabled={keep.isPending}
                    onClick={() => keep.mutate(flag.reviewId)}
                  >
                    Keep the grade
                  </button>
                )}
                <button
                  type="button"
                  className={linkButtonClass}
                  aria-describedby={aboutId}
                  onClick={() => onOpen(flag.submissionId)}
                >
                  Open the submission
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
