import type { Database } from "@lumen/db";
import type { SessionUser } from "../../context";
import type { CourseLearnersInput } from "./inputs";
import type { CourseLearners } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export async function listCourseLearners(_args: {
  db: Database;
  user: SessionUser;
  input: CourseLearnersInput;
}): Promise<CourseLearners> {
  throw new Error("not implemented: listCourseLearners");
}
