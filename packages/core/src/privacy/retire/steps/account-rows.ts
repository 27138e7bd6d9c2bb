import {
  consents,
  courseInstructors,
  dataExports,
  emailPreferences,
  emailSends,
  notifications,
} from "@lumen/db";
import { eq } from "drizzle-orm";
import type { RetirementStep } from "./types";

/**
 * What only the user ever saw or chose: notifications, the mail sent to them and their email
 * choices (no suppression entry is kept: it would keep the address; the tombstone has none to
 * mail), consents given, export records (their archives went in the media step), and
 * co-instructor seats.
 */
export const accountRowsStep: RetirementStep = {
  name: "account-rows",
  run: async ({ tx, userId }) => {
    await tx.delete(emailSends).where(eq(emailSends.userId, userId));
    await tx.delete(notifications).where(eq(notifications.userId, userId));
    await tx.delete(emailPreferences).where(eq(emailPreferences.userId, userId));
    await tx.delete(consents).where(eq(consents.userId, userId));
    await tx.delete(dataExports).where(eq(dataExports.userId, userId));
    await tx.delete(courseInstructors).where(eq(courseInstructors.userId, userId));
  },
};
