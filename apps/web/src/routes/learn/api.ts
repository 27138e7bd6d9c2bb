import { useQuery } from "@tanstack/react-query";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { useEffect } from "react";
import { progressQueue } from "../../lib/progress";
import { type CourseDetail, trpc } from "../../lib/trpc";

export type CourseProgress = NonNullable<inferOutput<typeof trpc.progress.course>>;
export type LessonProgress = CourseProgress["lessons"][number];
export type LessonContent = inferOutput<typeof trpc.learning.lesson>;
export type LearnerQuiz = inferOutput<typeof trpc.quiz.take>;
export type QuizQuestion = LearnerQuiz["questions"][number];
export type QuizAttempt = LearnerQuiz["attempts"][number];
export type MyProgress = inferOutput<typeof trpc.progress.mine>;
export type CertificateSummary = inferOutput<typeof trpc.certificates.mine>[number];

/** The signed-in learner's progress in a course; nothing to ask before they enroll. */
export function useCourseProgress(course: CourseDetail | undefined) {
  const enrolled = Boolean(course?.enrollment);
  useProgressQueue(enrolled);
  return useQuery({
    ...trpc.progress.course.queryOptions({ courseId: course?.id ?? "" }),
    enabled: enrolled && Boolean(course?.id),
    // Progress changes while learning; the queue's acknowledgements keep it fresh.
    staleTime: 5_000,
    // A finished course's certificate (and its PDF) comes from a job a few seconds later.
    refetchInterval: (query) => (awaitingCertificate(query.state.data) ? 3_000 : false),
  });
}

/**
 * Starts the tab's progress queue on pages that show progress, so events an earlier page
 * left unsent (a crash, a closed tab) go out before the numbers are read.
 */
export function useProgressQueue(active: boolean) {
  useEffect(() => {
    if (active) progressQueue();
  }, [active]);
}

/** Finished, every required quiz, exercise and assignment passed, and the certificate or its PDF not there yet. */
export function awaitingCertificate(progress: CourseProgress | null | undefined): boolean {
  if (!progress || progress.percent < 100 || progress.assessmentsToPass > 0) return false;
  return progress.certificate === null || progress.certificate.pdfUrl === null;
}

export const lessonPath = (slug: string, lessonId: string) =>
  `/courses/${slug}/lessons/${lessonId}`;
