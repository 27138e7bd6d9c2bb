import type { ProgressAck } from "./progress-queue";
import type { QueuedEvent } from "./progress-store";

/** The parts of `progress.course` an acknowledgement can bring up to date without a refetch. */
export interface CourseProgressLike {
  enrollmentId: string;
  percent: number;
  completedRequired: number;
  milestones: number[];
  lessons: Array<{ lessonId: string; watchedSeconds: number; positionSeconds: number }>;
}

/**
 * Applies an acknowledged batch to a cached course: covered seconds (as the server counted
 * them) and position per lesson, the course percent and milestones. `stale` says the server
 * changed more than the batch shows (a lesson completed, a milestone), so the caller
 * refetches for the lesson ticks.
 */
export function applyAck<P extends CourseProgressLike>(
  progress: P,
  ack: ProgressAck,
  events: readonly QueuedEvent[],
): { progress: P; stale: boolean } {
  const refused = new Set(ack.rejected.map((r) => r.eventId));
  const mine = events.filter(
    (e) => e.enrollmentId === progress.enrollmentId && !refused.has(e.eventId),
  );
  const course = ack.courses.find((c) => c.enrollmentId === progress.enrollmentId);
  if (mine.length === 0 && !course) return { progress, stale: false };

  const latest = new Map<string, QueuedEvent>();
  for (const event of mine) {
    const seen = latest.get(event.lessonId);
    if (!seen || event.occurredAt >= seen.occurredAt) latest.set(event.lessonId, event);
  }
  const covered = new Map(
    ack.lessons
      .filter((l) => l.enrollmentId === progress.enrollmentId)
      .map((l) => [l.lessonId, l.watchedSeconds]),
  );
  const known = new Set(progress.lessons.map((l) => l.lessonId));
  const lessons = progress.lessons.map((lesson) => {
    const event = latest.get(lesson.lessonId);
    if (!event) return lesson;
    return {
      ...lesson,
      watchedSeconds: Math.max(lesson.watchedSeconds, covered.get(lesson.lessonId) ?? 0),
      positionSeconds: event.positionSeconds,
    };
  });
  const milestones = course
    ? [...new Set([...progress.milestones, ...course.newMilestones])].sort((a, b) => a - b)
    : progress.milestones;
  const stale =
    mine.some((e) => e.completed || !known.has(e.lessonId)) ||
    (course !== undefined &&
      (course.percent !== progress.percent ||
        course.completedRequired !== progress.completedRequired ||
        course.newMilestones.length > 0));
  return {
    progress: {
      ...progress,
      lessons,
      milestones,
      percent: course?.percent ?? progress.percent,
      completedRequired: course?.completedRequired ?? progress.completedRequired,
    },
    stale,
  };
}
