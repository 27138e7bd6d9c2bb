import { accounts, sessions, users, verifications } from "@lumen/db";
import { eq, or } from "drizzle-orm";
import type { RetirementStep } from "./types";

/**
 * First, so nobody can sign in while the rest is erased: every session and credential goes,
 * and any pending reset or email-change token (keyed by the address, or holding the user id).
 */
export const signInStep: RetirementStep = {
  name: "sign-in",
  run: async ({ tx, userId }) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(accounts).where(eq(accounts.userId, userId));
    await tx
      .delete(verifications)
      .where(
        user
          ? or(eq(verifications.identifier, user.email), eq(verifications.value, userId))
          : eq(verifications.value, userId),
      );
  },
};
