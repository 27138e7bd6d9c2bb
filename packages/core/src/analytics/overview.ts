import type { Database } from "@lumen/db";
import type { SessionUser } from "../kernel";
import type { OverviewInput } from "./inputs";
import type { CourseOverview } from "./types";

/** The overview tab: enrollments, activity, completions and certificates over a range, with the range before it. CONTRACT STUB: implemented by the reads track. */
export async function getCourseOverview(_: {
  db: Database;
  user: SessionUser;
  input: OverviewInput;
}): Promise<CourseOverview> {
  throw new Error("not implemented yet");
}
