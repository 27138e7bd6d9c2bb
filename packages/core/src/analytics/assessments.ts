import type { Database } from "@lumen/db";
import type { SessionUser } from "../kernel";
import type { AnalyticsCourseInput } from "./inputs";
import type { AssessmentsOverview } from "./types";

/** Quizzes, exercises and assignments of a course: scores, verdicts, grades, backlog. CONTRACT STUB: implemented by the reads track. */
export async function getAssessmentsOverview(_: {
  db: Database;
  user: SessionUser;
  input: AnalyticsCourseInput;
}): Promise<AssessmentsOverview> {
  throw new Error("not implemented yet");
}

/** One quiz: score distribution and per-question difficulty, discrimination, wrong options. CONTRACT STUB. */
export async function getQuizAnalytics(_: {
  db: Database;
  user: SessionUser;
  input: import("./inputs").AnalyticsLessonInput;
}): Promise<import("./types").QuizAnalytics> {
  throw new Error("not implemented yet");
}
