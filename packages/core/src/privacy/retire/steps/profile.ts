import { users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { RETIRED_NAME, retiredEmail } from "../config";
import type { RetirementStep } from "./types";

/**
 * The users row becomes the tombstone: kept so the rows that stay (enrollments, reviews given,
 * course content, the retirement itself) keep a valid reference, with nothing personal left.
 * It cannot sign in: its credentials went in the first step.
 */
export const profileStep: RetirementStep = {
  name: "profile",
  run: async ({ tx, userId, retirementId, now }) => {
    await tx
      .update(users)
      .set({
        name: RETIRED_NAME,
        email: retiredEmail(retirementId),
        emailVerified: false,
        image: null,
        role: "learner",
        timeZone: null,
        locale: null,
        updatedAt: now,
      })
      .where(eq(users.id, userId));
  },
};
