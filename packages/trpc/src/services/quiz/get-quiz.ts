import type { Database } from "@lumen/db";
import type { SessionUser } from "../../context";
import type { EditableQuiz } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export async function getEditableQuiz(_args: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
}): Promise<EditableQuiz> {
  throw new Error("not implemented: getEditableQuiz");
}
