import type { Database } from "@lumen/db";
import type { SessionUser } from "../../context";
import type { LessonContent } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export async function getLessonContent(_args: {
  db: Database;
  user: SessionUser | null;
  input: { lessonId: string };
}): Promise<LessonContent> {
  throw new Error("not implemented: getLessonContent");
}
