import type { Database } from "@lumen/db";
import type { SessionUser } from "../kernel";
import type { AnalyticsLessonInput } from "./inputs";
import type { VideoEngagement } from "./types";

/** One video lesson's audience retention, re-watched stretches and stop points. CONTRACT STUB: implemented by the reads track. */
export async function getVideoEngagement(_: {
  db: Database;
  user: SessionUser;
  input: AnalyticsLessonInput;
}): Promise<VideoEngagement> {
  throw new Error("not implemented yet");
}

/** Every video lesson of a course with its viewers and average watched share. CONTRACT STUB. */
export async function listVideoEngagement(_: {
  db: Database;
  user: SessionUser;
  input: import("./inputs").AnalyticsCourseInput;
}): Promise<{ asOf: string | null; videos: import("./types").VideoSummary[] }> {
  throw new Error("not implemented yet");
}
