import { Trans } from "@lingui/react/macro";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { Notice } from "../../../components/ui/Notice";
import { trpc } from "../../../lib/trpc";

/** How many prompt milestones (50 %, 100 %) a course progress has passed. */
export const promptStage = (percent: number) => (percent >= 100 ? 2 : percent >= 50 ? 1 : 0);

/**
 * The once-only invitation to rate, at 50 % and at completion: a notice in the page, never a
 * dialog. It is recorded as seen as soon as it shows, so it does not come back. On the course
 * page it links to the ratings section below; in the lesson player (`courseSlug` given) to the
 * course page's, and it asks again when the learner's `percent` crosses a milestone there.
 */
export function RatingPrompt({
  courseId,
  courseSlug,
  percent,
}: {
  courseId: string;
  courseSlug?: string;
  percent?: number | undefined;
}) {
  const prompt = useQuery(trpc.ratings.prompt.queryOptions({ courseId }, { staleTime: Infinity }));
  const seen = useMutation(trpc.ratings.dismissPrompt.mutationOptions());
  const milestone = prompt.data?.milestone;
  const { mutate } = seen;
  useEffect(() => {
    if (milestone) mutate({ courseId, milestone });
  }, [courseId, milestone, mutate]);
  // Only a crossing seen on this page asks again; the first progress read is the baseline.
  const stage = percent === undefined ? null : promptStage(percent);
  const passed = useRef<number | null>(null);
  const { refetch } = prompt;
  useEffect(() => {
    if (stage === null) return;
    if (passed.current !== null && stage > passed.current) void refetch();
    passed.current = stage;
  }, [stage, refetch]);
  if (!milestone) return null;
  return (
    <Notice tone="info" as="p" data-testid="rating-prompt">
      {milestone === 100 ? (
        <Trans>You finished this course — how was it?</Trans>
      ) : (
        <Trans>You are halfway through — how is it going?</Trans>
      )}{" "}
      {courseSlug ? (
        <Link to={`/courses/${courseSlug}#ratings-heading`}>
          <Trans>Rate this course</Trans>
        </Link>
      ) : (
        <a href="#ratings-heading">
          <Trans>Rate this course</Trans>
        </a>
      )}
    </Notice>
  );
}
