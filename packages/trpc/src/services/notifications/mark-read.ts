import type { Database } from "@lumen/db";
import type { SessionUser } from "../../context";
import type { MarkReadInput } from "./inputs";

// CONTRACT STUB: replace the body (keep the signature).
export async function markNotificationsRead(_args: {
  db: Database;
  user: SessionUser;
  input: MarkReadInput;
}): Promise<{ unread: number }> {
  throw new Error("not implemented: markNotificationsRead");
}
