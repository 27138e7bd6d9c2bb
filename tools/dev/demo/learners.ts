import { randomUUID } from "node:crypto";
import { MAX_PLAYBACK_RATE } from "@lumen/shared";
import type { Api } from "../../api-client";
import type { DemoCourse } from "./build";
import { DEMO_CLIP, DEMO_QUIZ_RESPONSES } from "./content";

type Log = (line: string) => void;

/**
 * The demo learner, part-way: the welcome lesson done and the clip left at 3 s, so My learning
 * shows a bar and the course page offers "Continue". Left alone once they have any progress of
 * their own (a developer may have taken the course further).
 */
export async function ensureLearnerPartWay(api: Api, course: DemoCourse): Promise<void> {
  const { enrollmentId } = await api.enrollment.enroll.mutate({ courseId: course.id });
  const progress = await api.progress.course.query({ courseId: course.id });
  if (progress?.lastActivityAt) return;
  await api.progress.record.mutate({ events: [completed(enrollmentId, course.lessons.welcome)] });
  await api.video.playback.query({ lessonId: course.lessons.video });
  await api.video.savePosition.mutate({ lessonId: course.lessons.video, positionSeconds: 3 });
}

/**
 * The demo graduate takes the whole course the way a learner would — the clip played through
 * (the server credits it no faster than the player's top speed), the reading and handout marked
 * done, the quiz passed — and the runner issues their certificate. Returns its verify page.
 */
export async function ensureGraduate(
  api: Api,
  course: DemoCourse,
  { log, timeoutMs = 90_000 }: { log: Log; timeoutMs?: number },
): Promise<string> {
  const { enrollmentId } = await api.enrollment.enroll.mutate({ courseId: course.id });
  const before = await api.progress.course.query({ courseId: course.id });
  if (before?.certificate) return before.certificate.verifyUrl;

  const playbackStarted = Date.now();
  await api.video.playback.query({ lessonId: course.lessons.video });
  await api.progress.record.mutate({
    events: [
      completed(enrollmentId, course.lessons.welcome),
      completed(enrollmentId, course.lessons.handout),
    ],
  });
  const quiz = await api.quiz.take.query({ lessonId: course.lessons.quiz });
  if (!quiz.attempts.some((a) => a.passed)) {
    await api.quiz.submit.mutate({
      lessonId: course.lessons.quiz,
      attemptId: randomUUID(),
      answers: quiz.questions.map((q, i) => ({
        questionId: q.id,
        response: DEMO_QUIZ_RESPONSES[i] ?? { kind: "boolean" as const, value: false },
      })),
    });
  }
  // Watching the clip through takes real time, even at the player's top speed: the server
  // credits no coverage faster than that since playback began (ADR 0007).
  const watchMs = (DEMO_CLIP.seconds / MAX_PLAYBACK_RATE) * 1000;
  await delay(playbackStarted + watchMs - Date.now());
  log("demo course: the graduate finished it; waiting for the certificate…");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const watched = {
      ...event(enrollmentId, course.lessons.video),
      watched: [[0, DEMO_CLIP.seconds]] as [number, number][],
      positionSeconds: DEMO_CLIP.seconds,
    };
    await api.progress.record.mutate({ events: [watched] });
    const { certificate } = (await api.progress.course.query({ courseId: course.id })) ?? {};
    if (certificate && (await isVerifiable(certificate.verifyUrl))) return certificate.verifyUrl;
    await delay(1_000);
  }
  throw new Error(`no verifiable certificate within ${timeoutMs / 1000} s (is the job runner up?)`);
}

function event(enrollmentId: string, lessonId: string) {
  return {
    eventId: randomUUID(),
    enrollmentId,
    lessonId,
    watched: [] as [number, number][],
    positionSeconds: 0,
    completed: false,
    occurredAt: Date.now(),
  };
}

const completed = (enrollmentId: string, lessonId: string) => ({
  ...event(enrollmentId, lessonId),
  completed: true,
});

/** The edge answers for it once the runner has published it there. */
async function isVerifiable(verifyUrl: string): Promise<boolean> {
  const response = await fetch(`${verifyUrl}/verify`, { headers: { accept: "application/json" } });
  await response.arrayBuffer();
  return response.ok;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
