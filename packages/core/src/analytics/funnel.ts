import type { Database } from "@lumen/db";
import type { SessionUser } from "../kernel";
import type { AnalyticsCourseInput } from "./inputs";
import type { CourseFunnel } from "./types";

/** The lesson funnel: per lesson in outline order, the share of learners who started and completed it. CONTRACT STUB: implemented by the reads track. */
export async function getCourseFunnel(_: {
  db: Database;
  user: SessionUser;
  input: AnalyticsCourseInput;
}): Promise<CourseFunnel> {
  throw new Error("not implemented yet");
}
