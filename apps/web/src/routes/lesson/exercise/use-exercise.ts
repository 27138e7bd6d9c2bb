import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { trpc, trpcClient } from "../../../lib/trpc";
import { mayRetrySubmit } from "../quiz/quiz-attempt";
import { createDraftSaver, type DraftStatus } from "./draft-saver";
import { pollInterval, type SubmissionView } from "./exercise-view";
import { createSubmissionIds, type RunPurpose } from "./submission-ids";

/** A send that hangs this long is treated as lost: retried with the same submission id. */
const SUBMIT_TIMEOUT_MS = 20_000;

/**
 * Sends code to the grader ("Run samples" or "Submit"). The submission id is made on the
 * click and reused by every retry of the same code until the server answers, so a timeout or
 * a dropped connection never queues a second run nor spends a second attempt.
 */
export function useExerciseRun(lessonId: string, onQueued: (submission: SubmissionView) => void) {
  const queryClient = useQueryClient();
  const ids = useRef(createSubmissionIds()).current;
  const mutation = useMutation({
    mutationFn: ({ purpose, code }: { purpose: RunPurpose; code: string }) =>
      trpcClient.exercise.submit.mutate(
        { lessonId, submissionId: ids.forSend(purpose, code), purpose, code },
        { signal: AbortSignal.timeout(SUBMIT_TIMEOUT_MS) },
      ),
    onSuccess: (result) => {
      ids.answered();
      const { submission } = result;
      queryClient.setQueryData(
        trpc.exercise.submission.queryKey({ submissionId: submission.submissionId }),
        submission,
      );
      queryClient.setQueryData(trpc.exercise.take.queryKey({ lessonId }), (exercise) =>
        exercise
          ? {
              ...exercise,
              submissions: [
                submission,
                ...exercise.submissions.filter((s) => s.submissionId !== submission.submissionId),
              ],
            }
          : exercise,
      );
      onQueued(submission);
    },
    onError: (error) => {
      // A refusal (no attempts left, not enrolled, too many waiting) will not change by
      // retrying: the next click is a new run, and our copy of the exercise is out of date.
      if (!mayRetrySubmit(error)) {
        ids.answered();
        void queryClient.invalidateQueries(trpc.exercise.take.queryFilter({ lessonId }));
      }
    },
  });
  return {
    ...mutation,
    /** A send failed in a way that may not have reached the server: sending again is the same run. */
    retryable: mutation.isError && mayRetrySubmit(mutation.error),
  };
}

/**
 * Follows one submission to its verdict: asked every half second until graded. When one sent
 * from this page is graded, the exercise (attempts, best score) and, for a graded submit, the
 * course's progress (a pass completes the lesson, maybe a milestone) are asked for again.
 */
export function useFollowedSubmission({
  lessonId,
  courseId,
  submissionId,
  known,
  sentHere,
}: {
  lessonId: string;
  courseId: string;
  submissionId: string | null;
  /** The submission as the exercise listed it, shown until the server answers. */
  known: SubmissionView | undefined;
  /** Submissions sent from this page (their grading refreshes progress). */
  sentHere: ReadonlySet<string>;
}) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...trpc.exercise.submission.queryOptions({ submissionId: submissionId ?? "" }),
    enabled: submissionId !== null,
    initialData: known,
    // A graded submission never changes; only an unfinished one is asked about again.
    staleTime: (q) => (q.state.data?.status === "graded" ? Number.POSITIVE_INFINITY : 0),
    refetchInterval: (q) => pollInterval(q.state.data),
    refetchIntervalInBackground: true,
  });
  const settled = useRef(new Set<string>());
  const graded = query.data?.status === "graded" ? query.data : null;
  useEffect(() => {
    if (!graded || !sentHere.has(graded.submissionId)) return;
    if (settled.current.has(graded.submissionId)) return;
    settled.current.add(graded.submissionId);
    queryClient.setQueryData(trpc.exercise.take.queryKey({ lessonId }), (exercise) =>
      exercise
        ? {
            ...exercise,
            submissions: exercise.submissions.map((s) =>
              s.submissionId === graded.submissionId ? graded : s,
            ),
          }
        : exercise,
    );
    void queryClient.invalidateQueries(trpc.exercise.take.queryFilter({ lessonId }));
    if (graded.purpose === "submit") {
      void queryClient.invalidateQueries(trpc.progress.course.queryFilter({ courseId }));
      void queryClient.invalidateQueries(trpc.progress.mine.queryFilter());
      void queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
    }
  }, [graded, sentHere, lessonId, courseId, queryClient]);
  return query;
}

/**
 * The learner's code, saved as a draft a second after typing pauses, and when the page is
 * left or hidden with anything unsaved.
 */
export function useDraft(lessonId: string, initial: string, enabled: boolean) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState(initial);
  const [status, setStatus] = useState<DraftStatus>("idle");
  const [saver] = useState(() =>
    createDraftSaver({
      onStatus: setStatus,
      save: async (draft) => {
        await trpcClient.exercise.saveDraft.mutate({ lessonId, code: draft });
        // Coming back to this lesson within the session opens on what was saved.
        queryClient.setQueryData(trpc.exercise.take.queryKey({ lessonId }), (exercise) =>
          exercise ? { ...exercise, draft } : exercise,
        );
      },
    }),
  );
  useEffect(() => {
    const flushWhenHidden = () => {
      if (document.visibilityState === "hidden") saver.flush();
    };
    const flush = () => saver.flush();
    document.addEventListener("visibilitychange", flushWhenHidden);
    window.addEventListener("pagehide", flush);
    return () => {
      document.removeEventListener("visibilitychange", flushWhenHidden);
      window.removeEventListener("pagehide", flush);
      saver.flush();
      saver.dispose();
    };
  }, [saver]);
  const change = (next: string) => {
    setCode(next);
    if (enabled) saver.change(next);
  };
  return { code, change, status, retry: () => saver.flush() };
}
