import type { Database } from "@lumen/db";
import type { SessionUser } from "../../context";
import type { MyProgress } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export async function getMyProgress(_args: {
  db: Database;
  user: SessionUser;
}): Promise<MyProgress> {
  throw new Error("not implemented: getMyProgress");
}
