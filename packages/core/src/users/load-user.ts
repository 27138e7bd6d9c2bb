import { type Database, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { SessionUser } from "../kernel";

/** A user as procedures see them, straight from the database (null when gone). */
export async function loadSessionUser(db: Database, id: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}
