import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { SeedUser } from "@lumen/db/seed";
import { ensureCourse, type Session } from "@lumen/tools/api-client";
import { sessionAs, TINY_QUIZ } from "./learning-course";

/**
 * A course with activity for the instructor dashboard's browser test, written the way learners
 * write it: enrollments, video progress (with its watched intervals) and quiz attempts through
 * the API, so the rollup reads the same rows production has.
 */

/** Four learners besides the seed's own: a cohort of five. */
export const COHORT: SeedUser[] = ["Amara Diallo", "Bo Lindqvist", "Chen Wei", "Dana Cruz"].map(
  (name, i) => ({
    id: `e2e-analytics-${i}`,
    name,
    email: `analytics-${i}@lumen.dev`,
    password: `lumen-analytics-${i}`,
    role: "learner",
  }),
);

export const ANALYTICS_COURSE = {
  video: "Why the sky is blue",
  quiz: TINY_QUIZ.title,
  wrapUp: "Wrap-up",
};

export interface ActiveCourse {
  id: string;
  lessons: { video: string; quiz: string; wrapUp: string };
}

export async function createActiveCourse(instructor: Session, clipPath: string) {
  const { title: _title, ...quiz } = TINY_QUIZ;
  const course = await ensureCourse(instructor, {
    course: {
      title: `Light and Colour ${Date.now().toString(36)}`,
      subtitle: "A clip, a quiz and a closing note, for the dashboard to count.",
      description:
        "Why the sky is blue, told in a six-second clip, checked with a three-question quiz and closed with a short text lesson.",
      category: "Physical Science",
      level: "beginner",
      language: "en",
    },
    modules: [
      {
        title: "Light",
        lessons: [
          {
            key: "video",
            title: ANALYTICS_COURSE.video,
            kind: "video",
            video: { filename: "sky.mp4", bytes: () => readFile(clipPath) },
          },
          { key: "quiz", title: ANALYTICS_COURSE.quiz, kind: "quiz", quiz },
          {
            key: "wrapUp",
            title: ANALYTICS_COURSE.wrapUp,
            kind: "text",
            body: "Blue light scatters most; that is the whole story.",
          },
        ],
      },
    ],
  });
  return { id: course.id, lessons: course.lessons } satisfies ActiveCourse;
}

/** What one learner does: how much of the clip, whether the quiz is right, whether they finish. */
interface LearnerPlan {
  email: string;
  password: string;
  /** Stretches of the 6-second clip, in the order played (a repeat is a re-watch). */
  watched: Array<[number, number]>;
  quizRight: boolean;
  finishes: boolean;
}

export const PLANS: LearnerPlan[] = [
  {
    email: "learner@lumen.dev",
    password: "lumen-learner-dev",
    watched: [[0, 6]],
    quizRight: true,
    finishes: true,
  },
  ...COHORT.map((user, i) => ({
    email: user.email,
    password: user.password,
    // Two watch it all (one twice over its middle), two stop part way.
    watched:
      (
        [
          [[0, 6]],
          [
            [0, 6],
            [2, 4],
          ],
          [[0, 3]],
          [[0, 2]],
        ] as Array<Array<[number, number]>>
      )[i] ?? [],
    quizRight: i < 2,
    finishes: i === 0,
  })),
];

/** Every learner of PLANS enrolls, watches, takes the quiz and (some) finish. */
export async function recordActivity(webUrl: string, course: ActiveCourse): Promise<void> {
  // One learner after another: the embedded database (PGlite) serves one connection at a time.
  const enrolled = [];
  for (const plan of PLANS) {
    const session = await sessionAs(webUrl, plan.email, plan.password);
    const { enrollmentId } = await session.api.enrollment.enroll.mutate({ courseId: course.id });
    // The playback URL marks when watching began: coverage is credited no faster than playback.
    await session.api.video.playback.query({ lessonId: course.lessons.video });
    enrolled.push({ plan, session, enrollmentId });
  }
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  for (const learner of enrolled) await learnerActs(learner, course);
}

async function learnerActs(
  { plan, session, enrollmentId }: { plan: LearnerPlan; session: Session; enrollmentId: string },
  course: ActiveCourse,
) {
  const { api } = session;
  const now = Date.now();
  await api.progress.record.mutate({
    events: plan.watched.map(([from, to], i) => ({
      eventId: randomUUID(),
      enrollmentId,
      lessonId: course.lessons.video,
      watched: [[from, to]],
      positionSeconds: to,
      completed: false,
      occurredAt: now - 1_000 + i * 100,
    })),
  });
  const quiz = await api.quiz.take.query({ lessonId: course.lessons.quiz });
  await api.quiz.submit.mutate({
    lessonId: course.lessons.quiz,
    attemptId: randomUUID(),
    answers: quiz.questions.map((question) => ({
      questionId: question.id,
      response: answerFor(question, plan.quizRight),
    })),
  });
  if (plan.finishes) {
    await api.progress.record.mutate({
      events: [
        {
          eventId: randomUUID(),
          enrollmentId,
          lessonId: course.lessons.wrapUp,
          watched: [],
          positionSeconds: 0,
          completed: true,
          occurredAt: now,
        },
      ],
    });
  }
}

export type Question = { kind: string; options: Array<{ id: string; text: string }> };

export function answerFor(question: Question, right: boolean) {
  if (question.kind === "true_false") return { kind: "boolean" as const, value: right };
  if (question.kind === "numeric") return { kind: "number" as const, value: right ? 7 : 6 };
  const option = question.options.find((o) => (o.text === "Blue") === right);
  return { kind: "choice" as const, optionIds: option ? [option.id] : [] };
}
