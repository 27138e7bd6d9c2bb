import { Trans } from "@lingui/react/macro";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Notice } from "../../../components/ui/Notice";
import { trpc } from "../../../lib/trpc";

/**
 * The once-only invitation to rate, at 50 % and at completion: a notice in the page, never a
 * dialog. It is recorded as seen as soon as it shows, so it does not come back.
 */
export function RatingPrompt({ courseId }: { courseId: string }) {
  const prompt = useQuery(trpc.ratings.prompt.queryOptions({ courseId }, { staleTime: Infinity }));
  const seen = useMutation(trpc.ratings.dismissPrompt.mutationOptions());
  const milestone = prompt.data?.milestone;
  const { mutate } = seen;
  useEffect(() => {
    if (milestone) mutate({ courseId, milestone });
  }, [courseId, milestone, mutate]);
  if (!milestone) return null;
  return (
    <Notice tone="info" as="p" data-testid="rating-prompt">
      {milestone === 100 ? (
        <Trans>You finished this course — how was it?</Trans>
      ) : (
        <Trans>You are halfway through — how is it going?</Trans>
      )}{" "}
      <a href="#ratings-heading">
        <Trans>Rate this course</Trans>
      </a>
    </Notice>
  );
}
