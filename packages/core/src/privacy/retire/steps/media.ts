import { assignmentAttachments, certificates, dataExports, enrollments } from "@lumen/db";
import { eq, inArray } from "drizzle-orm";
import type { RetirementStep } from "./types";

/**
 * The user's files in media storage (R2 through the edge): certificate PDFs, data export
 * archives and assignment attachments. Deleting a missing file is a no-op, so a rerun repeats
 * it harmlessly; the rows go in later steps, so they still name the files here. Forum images
 * stay with the posts that embed them (docs/privacy.md).
 */
export const mediaStep: RetirementStep = {
  name: "media",
  run: async ({ tx, store, userId }) => {
    const held = await tx
      .select({ id: certificates.id })
      .from(certificates)
      .where(eq(certificates.userId, userId));
    const exports = await tx
      .select({ id: dataExports.id })
      .from(dataExports)
      .where(eq(dataExports.userId, userId));
    const attachments = await tx
      .select({ id: assignmentAttachments.id })
      .from(assignmentAttachments)
      .where(
        inArray(
          assignmentAttachments.enrollmentId,
          tx.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.userId, userId)),
        ),
      );
    for (const { id } of held) await store.deleteFile({ purpose: "certificate", id });
    for (const { id } of exports) await store.deleteFile({ purpose: "export", id });
    for (const { id } of attachments) await store.deleteFile({ purpose: "attachment", id });
  },
};
