import { createEnrollment } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JobSchema, QuizResult } from "../src/v1/schemas/assessments";
import { createV1World, type V1World } from "./v1-world";

let w: V1World;
beforeAll(async () => {
  w = await createV1World();
});
afterAll(() => w.close());

describe("POST /api/v1/assessments/{quiz_id}/submit", () => {
  it("scores a quiz at once", async () => {
    const { user, token } = await w.learner();
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

  it("answers to questions the quiz does not have are a 422 pointing at each", async () => {
    const { user, token } = await w.learner();
    await createEnrollment(w.db, user, w.course.id);
    const res = await w.call("POST", `/assessments/${w.lessons.quiz.id}/submit`, {
      token,
      body: {
        answers: [
          {
            question_id: "00000000-0000-4000-8000-000000000000",
            response: { kind: "boolean", value: true },
          },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      type: "/api/v1/problems/validation",
      errors: [{ pointer: "#/answers/0/question_id", detail: "This quiz has no such question." }],
    });
  });

  it("queues an exercise: 202 with the job, which its submitter can follow", async () => {
    const { user, token } = await w.learner();
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
    const stranger = await w.learner();
    expect((await w.call("GET", `/jobs/${job_id}`, { token: stranger.token })).status).toBe(404);
  });

  it("refuses other lesson kinds naming the accepted ones, and a body of the wrong shape", async () => {
    const { user, token } = await w.learner();
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
