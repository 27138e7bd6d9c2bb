import type { Database } from "@lumen/db";
import type { SessionUser } from "../../context";
import type { LearnerQuiz } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export async function takeQuiz(_args: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
}): Promise<LearnerQuiz> {
  throw new Error("not implemented: takeQuiz");
}
