import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import type { SessionUser } from "../../context";
import type { CourseProgress } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export async function getCourseProgress(_args: {
  db: Database;
  user: SessionUser;
  media: MediaContext;
  input: { courseId: string };
}): Promise<CourseProgress | null> {
  throw new Error("not implemented: getCourseProgress");
}
