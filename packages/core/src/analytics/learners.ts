import type { Database } from "@lumen/db";
import type { SessionUser } from "../kernel";
import type { LearnersTableInput } from "./inputs";
import type { LearnersTable } from "./types";

/** The learners table: sortable, searchable, with the at-risk rule. CONTRACT STUB: implemented by the reads track. */
export async function listLearnersTable(_: {
  db: Database;
  user: SessionUser;
  input: LearnersTableInput;
}): Promise<LearnersTable> {
  throw new Error("not implemented yet");
}
