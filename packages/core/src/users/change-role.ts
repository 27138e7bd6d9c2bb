import { type Database, sessions, type UserRole, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { ConflictError, ForbiddenError, NotFoundError, type SessionUser } from "../kernel";
import type { ChangeRoleInput } from "./inputs";

/**
 * Gives a user another role and signs them out everywhere, in one transaction: a session
 * (and the cookie caches built from it) must never carry a role the user no longer has, so
 * every session of theirs is revoked and their next sign-in sees the new role. For admins;
 * tests and operator scripts call `setUserRole`
 * directly.
 */
export async function changeUserRole({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: SessionUser;
  input: ChangeRoleInput;
}) {
  if (actor.role !== "admin") throw new ForbiddenError("Only admins can change roles.");
  // Keeps at least the admin doing it: nobody locks the platform out by accident.
  if (input.userId === actor.id) throw new ConflictError("You cannot change your own role.");
  return setUserRole(db, input.userId, input.role);
}

export async function setUserRole(db: Database, userId: string, role: UserRole) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ role, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id, role: users.role });
    if (!user) throw new NotFoundError("No such user.");
    const revoked = await tx
      .delete(sessions)
      .where(eq(sessions.userId, userId))
      .returning({ id: sessions.id });
    return { userId: user.id, role: user.role, sessionsRevoked: revoked.length };
  });
}
