import { describe, expect, it } from "vitest";
import { applyAck, type CourseProgressLike } from "./progress-cache";
import type { ProgressAck } from "./progress-queue";
import type { QueuedEvent } from "./progress-store";

const cached: CourseProgressLike = {
  enrollmentId: "enr-1",
  percent: 25,
  completedRequired: 1,
  milestones: [25],
  lessons: [
    { lessonId: "l1", watchedSeconds: 40, positionSeconds: 40 },
    { lessonId: "l2", watchedSeconds: 0, positionSeconds: 0 },
  ],
};

const event = (over: Partial<QueuedEvent>): QueuedEvent => ({
  eventId: "ev",
  enrollmentId: "enr-1",
  lessonId: "l2",
  watched: [],
  positionSeconds: 0,
  completed: false,
  occurredAt: 1,
  ...over,
});

const ack = (over: Partial<ProgressAck> = {}): ProgressAck => ({
  accepted: 1,
  duplicates: 0,
  rejected: [],
  courses: [],
  lessons: [],
  ...over,
});

const course = { enrollmentId: "enr-1", courseId: "c1", requiredLessons: 4 };

describe("applying an acknowledged batch to the cached course progress", () => {
  it("moves covered time (as the server counted it, never down) and position to the newest event, without a refetch", () => {
    const covered = (lessonId: string, watchedSeconds: number) => ({
      enrollmentId: "enr-1",
      lessonId,
      watchedSeconds,
      clampedSeconds: 0,
    });
    const { progress, stale } = applyAck(
      cached,
      ack({ lessons: [covered("l1", 30), covered("l2", 8)] }),
      [
        event({
          eventId: "a",
          lessonId: "l1",
          watched: [[0, 30]],
          positionSeconds: 12,
          occurredAt: 5,
        }),
        event({
          eventId: "b",
          lessonId: "l2",
          watched: [[0, 8]],
          positionSeconds: 8,
          occurredAt: 9,
        }),
        event({
          eventId: "c",
          lessonId: "l2",
          watched: [[0, 6]],
          positionSeconds: 3,
          occurredAt: 7,
        }),
      ],
    );
    expect(progress.lessons).toEqual([
      { lessonId: "l1", watchedSeconds: 40, positionSeconds: 12 },
      { lessonId: "l2", watchedSeconds: 8, positionSeconds: 8 },
    ]);
    expect(stale).toBe(false);
  });

  it("takes the new percent and milestones and asks for a refetch", () => {
    const result = applyAck(
      cached,
      ack({ courses: [{ ...course, percent: 50, completedRequired: 2, newMilestones: [50] }] }),
      [event({ watched: [[0, 60]] })],
    );
    expect(result.progress).toMatchObject({
      percent: 50,
      completedRequired: 2,
      milestones: [25, 50],
    });
    expect(result.stale).toBe(true);
  });

  it("asks for a refetch after an explicit completion even when the percent stays", () => {
    const { stale } = applyAck(cached, ack(), [event({ completed: true })]);
    expect(stale).toBe(true);
  });

  it("ignores refused events and other enrollments' events", () => {
    const result = applyAck(cached, ack({ rejected: [{ eventId: "x", reason: "not yours" }] }), [
      event({ eventId: "x", watched: [[0, 99]] }),
      event({ eventId: "y", enrollmentId: "enr-2", watched: [[0, 99]] }),
    ]);
    expect(result.progress).toBe(cached);
    expect(result.stale).toBe(false);
  });
});
