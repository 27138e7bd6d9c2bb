import type { Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { SessionUser } from "../../context";
import type { SubmitQuizInput } from "./inputs";
import type { SubmitResult } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export async function submitQuiz(_args: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: SubmitQuizInput;
}): Promise<SubmitResult> {
  throw new Error("not implemented: submitQuiz");
}
