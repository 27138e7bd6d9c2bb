import { randomUUID } from "node:crypto";
import type { Database } from "../client";
import { sessions, type UserRole, users } from "../schema";

/** A user as the domain's actor sees them (structurally the same as core's `SessionUser`). */
export interface TestUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
}

/** A user row with a fresh id and address; test rows are per test file, never shared. */
export async function createUser(
  db: Database,
  role: UserRole = "learner",
  overrides: Partial<Omit<TestUser, "role">> & {
    emailVerified?: boolean;
    timeZone?: string;
    locale?: string;
  } = {},
): Promise<TestUser> {
  const id = overrides.id ?? randomUUID();
  const user = {
    id,
    name: overrides.name ?? `${role} ${id.slice(0, 6)}`,
    email: overrides.email ?? `${id}@test.lumen.dev`,
    role,
  };
  const { emailVerified, timeZone, locale } = overrides;
  await db.insert(users).values({ ...user, emailVerified, timeZone, locale });
  return user;
}

/** A signed-in session of `user`, as better-auth would store it; returns the session id. */
export async function createSession(db: Database, user: { id: string }) {
  const id = randomUUID();
  await db.insert(sessions).values({
    id,
    token: randomUUID(),
    userId: user.id,
    expiresAt: new Date(Date.now() + 7 * 86_400_000),
  });
  return id;
}
