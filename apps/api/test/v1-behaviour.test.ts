import { createEnrollment, createUser } from "@lumen/core/testing";
import { createCaller, createContextInner } from "@lumen/trpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JobSchema, QuizResult } from "../src/v1/schemas/assessments";
import { MyEnrollmentsPage } from "../src/v1/schemas/enrollments";
import { ProgressResult } from "../src/v1/schemas/progress";
import { createV1World, type V1World } from "./v1-world";

let w: V1World;
beforeAll(async () => {
  w = await createV1World();
});
afterAll(() => w.close());

async function learner() {
  const user = await createUser(w.db);
  const { token } = await w.keyFor(user);
  return { user, token };
}

describe("POST /api/v1/enrollments", () => {
  it("enrolling answers 201 with a Location, and enrolling again 200 with the same enrollment", async () => {
    const { token } = await learner();
    const first = await w.call("POST", "/enrollments", { token, body: { course_id: w.course.id } });
    expect(first.status).toBe(201);
    expect(first.res.headers.get("location")).toBe(`/api/v1/courses/${w.course.id}/progress`);
    const again = await w.call("POST", "/enrollments", { token, body: { course_id: w.course.id } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it("an unknown course is a 404 problem", async () => {
    const { token } = await learner();
    const res = await w.call("POST", "/enrollments", {
      token,
      body: { course_id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: "/api/v1/problems/not-found", status: 404 });
  });
});

describe("GET /api/v1/enrollments", () => {
  it("pages my enrollments with Link headers", async () => {
    const { user, token } = await learner();
    for (let i = 0; i < 3; i++) {
      const { createCourse } = await import("@lumen/core/testing");
      const other = await createCourse(w.db, w.instructor);
      await createEnrollment(w.db, user, other.id);
    }
    const page1 = await w.call("GET", "/enrollments?page_size=2", { token });
    expect(page1.status).toBe(200);
    const body = MyEnrollmentsPage.parse(page1.body);
    expect(body).toMatchObject({ total: 3, page: 1, page_size: 2, page_count: 2 });
    expect(body.items).toHaveLength(2);
    const link = page1.res.headers.get("link") ?? "";
    expect(link).toContain('page=2>; rel="next"');
    expect(link).toContain('page=1>; rel="first"');
    expect(link).toContain('page=2>; rel="last"');
    expect(link).not.toContain('rel="prev"');
    const page2 = await w.call("GET", "/enrollments?page_size=2&page=2", { token });
    const items2 = MyEnrollmentsPage.parse(page2.body).items;
    expect(items2).toHaveLength(1);
    expect(page2.res.headers.get("link")).toContain('rel="prev"');
    expect(new Set([...body.items, ...items2].map((i) => i.enrollment_id)).size).toBe(3);
  });
});

describe("PUT /api/v1/progress/{enrollment_id}/lessons/{lesson_id}", () => {
  it("moves the course percent exactly as the SPA's tRPC path does on the same fixture", async () => {
    const rest = await learner();
    const spa = await learner();
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
    const { user, token } = await learner();
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

  it("refusals are problems: someone else's enrollment 404, a lesson of another course 422, bad fields 422", async () => {
    const owner = await learner();
    const intruder = await learner();
    const enrollment = await createEnrollment(w.db, owner.user, w.course.id);
    const notMine = await w.call("PUT", `/progress/${enrollment.id}/lessons/${w.lessons.text.id}`, {
      token: intruder.token,
      body: { watched_seconds: 1, completed: true },
    });
    expect(notMine.status).toBe(404);
    const { createCourse, addLessonOfKind } = await import("@lumen/core/testing");
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

describe("POST /api/v1/assessments/{quiz_id}/submit", () => {
  it("scores a quiz at once", async () => {
    const { user, token } = await learner();
    await createEnrollment(w.db, user, w.course.id);
    const [single] = w.quizQuestions;
    const res = await w.call("POST", `/assessments/${w.lessons.quiz.id}/submit`, {
      token,
      body: {
        answers: [{ question_id: single?.id, response: { kind: "choice", option_ids: ["paris"] } }],
      },
    });
    expect(res.status).toBe(200);
    const result = QuizResult.parse(res.body);
    expect(result.attempt.score_points).toBe(1);
    expect(result.score).toBe(result.attempt.score_percent);
    expect(result.passed).toBe(false);
  });

  it("queues an exercise: 202 with the job, which its submitter can follow", async () => {
    const { user, token } = await learner();
    await createEnrollment(w.db, user, w.course.id);
    const res = await w.call("POST", `/assessments/${w.lessons.exercise.id}/submit`, {
      token,
      body: { code: "print(sum(map(int, input().split())))\n", language: "python" },
    });
    expect(res.status).toBe(202);
    const { job_id } = res.body as { job_id: string };
    expect(res.res.headers.get("location")).toBe(`/api/v1/jobs/${job_id}`);
    const job = await w.call("GET", `/jobs/${job_id}`, { token });
    expect(job.status).toBe(200);
    // Grading needs the gVisor sandbox and a job runner; only the queued state is asserted.
    expect(JobSchema.parse(job.body)).toMatchObject({
      job_id,
      status: "queued",
      purpose: "submit",
    });
    const stranger = await learner();
    expect((await w.call("GET", `/jobs/${job_id}`, { token: stranger.token })).status).toBe(404);
  });

  it("refuses other lesson kinds naming the accepted ones, and a body of the wrong shape", async () => {
    const { user, token } = await learner();
    await createEnrollment(w.db, user, w.course.id);
    const pdf = await w.call("POST", `/assessments/${w.lessons.pdf.id}/submit`, {
      token,
      body: { answers: [] },
    });
    expect(pdf.status).toBe(422);
    expect(pdf.body).toMatchObject({ accepted_kinds: ["quiz", "exercise"] });
    const wrongShape = await w.call("POST", `/assessments/${w.lessons.quiz.id}/submit`, {
      token,
      body: { code: "x", language: "python" },
    });
    expect(wrongShape.status).toBe(422);
    const wrongLanguage = await w.call("POST", `/assessments/${w.lessons.exercise.id}/submit`, {
      token,
      body: { code: "x", language: "javascript" },
    });
    expect(wrongLanguage.status).toBe(422);
    expect(wrongLanguage.body).toMatchObject({ errors: [{ pointer: "#/language" }] });
  });
});

describe("GET /api/v1/courses/{course_id}/learners", () => {
  it("is for the course's instructors: 403 for a learner, a page with Link for the instructor", async () => {
    const { user, token } = await learner();
    await createEnrollment(w.db, user, w.course.id);
    const refused = await w.call("GET", `/courses/${w.course.id}/learners`, { token });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ type: "/api/v1/problems/forbidden" });
    const { token: teacher } = await w.keyFor(w.instructor, "read");
    const page = await w.call("GET", `/courses/${w.course.id}/learners?page_size=1`, {
      token: teacher,
    });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 1, page_size: 1 });
    expect(page.res.headers.get("link")).toContain('rel="next"');
  });
});

describe("GET caching", () => {
  it("answers an ETag, and 304 to If-None-Match with it", async () => {
    const { token } = await learner();
    const first = await w.call("GET", "/courses?query=contracts", { token });
    const tag = first.res.headers.get("etag");
    expect(tag).toBeTruthy();
    expect(first.res.headers.get("cache-control")).toBe("private, no-cache");
    const again = await w.call("GET", "/courses?query=contracts", {
      token,
      headers: { "if-none-match": tag ?? "" },
    });
    expect(again.status).toBe(304);
  });
});
