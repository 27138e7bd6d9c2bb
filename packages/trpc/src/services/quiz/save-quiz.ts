import type { Database } from "@lumen/db";
import type { SessionUser } from "../../context";
import type { SaveQuizInput } from "./inputs";
import type { EditableQuiz } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export async function saveQuiz(_args: {
  db: Database;
  user: SessionUser;
  input: SaveQuizInput;
}): Promise<EditableQuiz> {
  throw new Error("not implemented: saveQuiz");
}
