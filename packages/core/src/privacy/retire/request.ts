import { accountRetirements, sessions } from "@lumen/db";
import { text } from "@lumen/shared";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { message } from "../../i18n";
import { ConflictError, type Database, type SessionUser, ValidationError } from "../../kernel";
import { createNotifications } from "../../notifications";
import { audit } from "./audit";
import { DEFAULT_GRACE_DAYS } from "./config";
import { type AccountDeletionView, toDeletionView } from "./view";

// The shared text rule (no control characters or lone surrogates), untrimmed: spaces can be
// part of a password.
export const requestDeletionInput = z.object({
  password: text({ label: "Password", max: 128, trim: false }).min(1, "Enter your password."),
});
export type RequestDeletionInput = z.infer<typeof requestDeletionInput>;

/**
 * Checks the holder's current password (the API's check: better-auth's hash, counted like a
 * sign-in attempt, throwing RateLimitedError when over the limit). True when it is right.
 */
export type PasswordCheck = (password: string) => Promise<boolean>;

const ONE_OPEN = "Your account is already scheduled for deletion.";
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Schedules the caller's account for deletion after the grace period (ADR 0027): re-checks
 * the password first, then in one transaction records the request, signs out every session
 * (other devices within ADR 0010's 30 s cache bound) and tells the holder, in-app and by email
 * through the notification path, when it happens and how to cancel. One open request per user
 * (the partial unique index decides a race). A wrong password changes nothing.
 */
export async function requestAccountDeletion({
  db,
  user,
  input,
  checkPassword,
  graceDays = DEFAULT_GRACE_DAYS,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  input: RequestDeletionInput;
  checkPassword: PasswordCheck;
  graceDays?: number;
  now?: Date;
}): Promise<AccountDeletionView> {
  if (!(await checkPassword(input.password))) {
    throw new ValidationError("That is not your current password.", {
      password: ["That is not your current password."],
    });
  }
  const scheduledFor = new Date(now.getTime() + graceDays * DAY_MS);
  return db.transaction(async (tx) => {
    const [open] = await tx
      .select({ id: accountRetirements.id })
      .from(accountRetirements)
      .where(
        and(
          eq(accountRetirements.userId, user.id),
          inArray(accountRetirements.state, ["pending", "running"]),
        ),
      );
    if (open) throw new ConflictError(ONE_OPEN);
    const [row] = await tx
      .insert(accountRetirements)
      .values({ userId: user.id, requestedAt: now, scheduledFor, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ConflictError(ONE_OPEN);
    await audit(tx, "deletion_requested", row.id, "holder", now);
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await createNotifications(tx, [
      {
        userId: user.id,
        kind: "account_deletion",
        title: message("notification.privacy.deletion-scheduled.title", {
          when: { dateTime: scheduledFor },
        }),
        body: message("notification.privacy.deletion-scheduled.body", {
          when: { dateTime: scheduledFor },
        }),
        link: "/settings/privacy",
        dedupeKey: `account_deletion:${row.id}`,
      },
    ]);
    return toDeletionView(row);
  });
}
