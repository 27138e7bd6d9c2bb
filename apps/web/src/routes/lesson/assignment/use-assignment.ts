import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferInput } from "@trpc/tanstack-react-query";
import { useCallback } from "react";
import { trpc, trpcClient } from "../../../lib/trpc";

type Scores = inferInput<typeof trpc.assignment.review>["scores"];

/** The learner's assignment: prompt, rubric, their submission, grade, lease and calibration. */
export function useAssignment(lessonId: string) {
  return useQuery(trpc.assignment.take.queryOptions({ lessonId }));
}

/**
 * After any change the learner makes, the assignment is asked for again, and so is the
 * course's progress: a review given or a grade landing may complete the lesson (and reach a
 * milestone and its notification), as an exercise's graded submit does.
 */
function useRefresh(lessonId: string, courseId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.assignment.take.queryFilter({ lessonId })),
        queryClient.invalidateQueries(trpc.progress.course.queryFilter({ courseId })),
        queryClient.invalidateQueries(trpc.progress.mine.queryFilter()),
        queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
      ]),
    [queryClient, lessonId, courseId],
  );
}

/** Submits the learner's work, or revises it while no reviewer has started on it. */
export function useSubmitWork(lessonId: string, courseId: string) {
  const refresh = useRefresh(lessonId, courseId);
  return useMutation({
    mutationFn: (body: string) => trpcClient.assignment.submit.mutate({ lessonId, body }),
    onSettled: refresh,
  });
}

/** Grades one calibration example; the answer carries the instructor's grade to compare. */
export function useCalibrate(lessonId: string, courseId: string) {
  const refresh = useRefresh(lessonId, courseId);
  return useMutation({
    mutationFn: (input: { exampleId: string; scores: Scores }) =>
      trpcClient.assignment.calibrate.mutate(input),
    onSettled: refresh,
  });
}

/** "Review next": a lease on a peer's submission, or why there is none. */
export function useReviewNext(lessonId: string, courseId: string) {
  const refresh = useRefresh(lessonId, courseId);
  return useMutation({
    mutationFn: () => trpcClient.assignment.reviewNext.mutate({ lessonId }),
    onSettled: refresh,
  });
}

/**
 * Submits a review on the learner's lease. Errors leave the form alone (the page keeps what
 * was written); only a success refreshes what the page knows.
 */
export function useSubmitReview(lessonId: string, courseId: string) {
  const refresh = useRefresh(lessonId, courseId);
  return useMutation({
    mutationFn: (input: { reviewId: string; scores: Scores }) =>
      trpcClient.assignment.review.mutate(input),
    onSettled: refresh,
  });
}

/** Flags a review of the learner's own work as unfair; staff look at it. */
export function useFlagReview(lessonId: string, courseId: string) {
  const refresh = useRefresh(lessonId, courseId);
  return useMutation({
    mutationFn: (input: { reviewId: string; reason: string }) =>
      trpcClient.assignment.flag.mutate(input),
    onSettled: refresh,
  });
}
