import type { Database } from "@lumen/db";
import type { SessionUser } from "../../context";
import type { ListNotificationsInput } from "./inputs";
import type { NotificationPage } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export async function listNotifications(_args: {
  db: Database;
  user: SessionUser;
  input: ListNotificationsInput;
}): Promise<NotificationPage> {
  throw new Error("not implemented: listNotifications");
}
