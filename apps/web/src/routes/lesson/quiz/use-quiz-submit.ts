import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferInput } from "@trpc/tanstack-react-query";
import { useRef } from "react";
import { trpc, trpcClient } from "../../../lib/trpc";
import { createAttemptIds, mayRetrySubmit } from "./quiz-attempt";

type SubmitInput = inferInput<typeof trpc.quiz.submit>;

/** A submit that hangs this long is treated as lost: retried with the same attempt id. */
const SUBMIT_TIMEOUT_MS = 20_000;

/**
 * Submits a quiz attempt. The attempt id is made on the first submit and reused by every retry
 * until the server grades it, so a timeout or a dropped connection never costs an attempt.
 */
export function useQuizSubmit(lessonId: string, courseId: string) {
  const queryClient = useQueryClient();
  const ids = useRef(createAttemptIds()).current;
  const mutation = useMutation({
    mutationFn: (answers: SubmitInput["answers"]) =>
      trpcClient.quiz.submit.mutate(
        { lessonId, attemptId: ids.forSubmit(), answers },
        { signal: AbortSignal.timeout(SUBMIT_TIMEOUT_MS) },
      ),
    onSuccess: async (result) => {
      ids.graded();
      queryClient.setQueryData(trpc.quiz.take.queryKey({ lessonId }), (quiz) =>
        quiz
          ? {
              ...quiz,
              attempts: [
                result.attempt,
                ...quiz.attempts.filter((a) => a.attemptId !== result.attempt.attemptId),
              ],
              attemptsLeft: result.attemptsLeft,
              bestPercent: result.bestPercent,
              passed: result.passed,
            }
          : quiz,
      );
      // A pass completes the lesson (and may reach a milestone and its notification).
      await Promise.all([
        queryClient.invalidateQueries(trpc.progress.course.queryFilter({ courseId })),
        queryClient.invalidateQueries(trpc.progress.mine.queryFilter()),
        queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
      ]);
    },
    onError: (error) => {
      // A refusal (no attempts left, not enrolled) means our copy of the quiz is out of date.
      if (!mayRetrySubmit(error)) {
        void queryClient.invalidateQueries(trpc.quiz.take.queryFilter({ lessonId }));
      }
    },
  });
  return {
    ...mutation,
    /** A submit failed in a way that may not have reached the server: retry as the same attempt. */
    retryable: mutation.isError && mayRetrySubmit(mutation.error),
    /** The next attempt starts (after "Try again"). */
    reset: () => mutation.reset(),
  };
}
