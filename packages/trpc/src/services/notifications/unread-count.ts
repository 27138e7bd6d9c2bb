import type { Database } from "@lumen/db";
import type { SessionUser } from "../../context";

// CONTRACT STUB: replace the body (keep the signature).
export async function countUnread(_args: {
  db: Database;
  user: SessionUser;
}): Promise<{ unread: number }> {
  throw new Error("not implemented: countUnread");
}
