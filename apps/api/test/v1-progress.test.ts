import { addLessonOfKind, createCourse, createEnrollment } from "@lumen/core/testing";
import { createCaller, createContextInner } from "@lumen/trpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProgressResult } from "../src/v1/schemas/progress";
import { createV1World, type V1World } from "./v1-world";

let w: V1World;
beforeAll(async () => {
  w = await createV1World();
});
afterAll(() => w.close());

describe("PUT /api/v1/progress/{enrollment_id}/lessons/{lesson_id}", () => {
  it("moves the course percent exactly as the SPA's tRPC path does on the same fixture", async () => {
    const rest = await w.learner();
    const spa = await w.learner();
    const restEnrollment = await createEnrollment(w.db, rest.user, w.course.id);
    const spaEnrollment = await createEnrollment(w.db, spa.user, w.course.id);
    const res = await w.call("PUT", `/progress/${restEnrollment.id}/lessons/${w.lessons.text.id}`, {
      token: rest.token,
      body: { watched_seconds: 0, completed: true },
    });
    expect(res.status).toBe(200);
    const result = ProgressResult.parse(res.body);

    const caller = createCaller(
      createContextInner({
        db: w.db,
        outbox: w.t.outbox,
        search: w.t.search,
        media: w.t.media,
        progress: w.t.progress,
        user: spa.user,
        currentUser: async () => spa.user,
      }),
    );
    const viaTrpc = await caller.progress.record({
      events: [
        {
          eventId: crypto.randomUUID(),
          enrollmentId: spaEnrollment.id,
          lessonId: w.lessons.text.id,
          positionSeconds: 0,
          completed: true,
          occurredAt: Date.now(),
        },
      ],
    });
    const trpcCourse = viaTrpc.courses[0];
    expect(result.course.percent).toBeGreaterThan(0);
    expect(result.course).toMatchObject({
      percent: trpcCourse?.percent,
      completed_required: trpcCourse?.completedRequired,
      required_lessons: trpcCourse?.requiredLessons,
    });
    const mine = await w.call("GET", `/courses/${w.course.id}/progress`, { token: rest.token });
    expect(mine.body).toMatchObject({ percent: result.course.percent });
  });

  it("a video's watched intervals count as coverage, bounded like the SPA's (no credit without playback time)", async () => {
    const { user, token } = await w.learner();
    const enrollment = await createEnrollment(w.db, user, w.course.id);
    const res = await w.call("PUT", `/progress/${enrollment.id}/lessons/${w.lessons.video.id}`, {
      token,
      body: { watched_seconds: 100, completed: false, watched: [[0, 100]] },
    });
    expect(res.status).toBe(200);
    const { lesson } = ProgressResult.parse(res.body);
    // A first event has had no playback time: the claimed 100 s are clamped, not credited.
    expect(lesson?.clamped_seconds).toBeGreaterThan(0);
    expect(lesson?.watched_seconds).toBeLessThan(100);
  });

  it("an enrollment the learner left is a 403 problem", async () => {
    const { user, token } = await w.learner();
    const left = await createEnrollment(w.db, user, w.course.id, { unenrolledAt: new Date() });
    const res = await w.call("PUT", `/progress/${left.id}/lessons/${w.lessons.text.id}`, {
      token,
      body: { watched_seconds: 1, completed: true },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      type: "/api/v1/problems/forbidden",
      detail: "This enrollment is no longer active.",
    });
  });

  it("refusals are problems: someone else's enrollment 404, a lesson of another course 422, bad fields 422", async () => {
    const owner = await w.learner();
    const intruder = await w.learner();
    const enrollment = await createEnrollment(w.db, owner.user, w.course.id);
    const notMine = await w.call("PUT", `/progress/${enrollment.id}/lessons/${w.lessons.text.id}`, {
      token: intruder.token,
      body: { watched_seconds: 1, completed: true },
    });
    expect(notMine.status).toBe(404);
    const other = await createCourse(w.db, w.instructor);
    const foreign = await addLessonOfKind(w.db, other.id, "text");
    const wrongLesson = await w.call("PUT", `/progress/${enrollment.id}/lessons/${foreign.id}`, {
      token: owner.token,
      body: { watched_seconds: 1, completed: true },
    });
    expect(wrongLesson.status).toBe(422);
    expect(wrongLesson.body).toMatchObject({ errors: [{ pointer: "#/path/lesson_id" }] });
    const badFields = await w.call(
      "PUT",
      `/progress/${enrollment.id}/lessons/${w.lessons.text.id}`,
      {
        token: owner.token,
        body: { watched_seconds: -1, completed: "yes", watched: [[5, 1]] },
      },
    );
    expect(badFields.status).toBe(422);
    expect(badFields.body).toMatchObject({
      type: "/api/v1/problems/validation",
      errors: expect.arrayContaining([
        expect.objectContaining({ pointer: "#/watched_seconds" }),
        expect.objectContaining({ pointer: "#/completed" }),
      ]),
    });
  });
});
