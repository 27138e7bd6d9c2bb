import { accountRetirements, privacyAuditLog } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { RegistryEntry } from "../types";

/** Account deletion itself (ADR 0027): the retirement's state and its audit log. */
export const retirementEntries: RegistryEntry[] = [
  {
    table: accountRetirements,
    export: {
      area: "profile",
      // When the user asked for deletion and how it stands; the run's internals are not theirs.
      select: (db, userId) =>
        db
          .select({
            id: accountRetirements.id,
            state: accountRetirements.state,
            requestedAt: accountRetirements.requestedAt,
            scheduledFor: accountRetirements.scheduledFor,
            cancelledAt: accountRetirements.cancelledAt,
          })
          .from(accountRetirements)
          .where(eq(accountRetirements.userId, userId)),
    },
    erase: {
      keep: "the record that the deletion was asked for and carried out; it points at the tombstone and holds no personal data",
    },
  },
  {
    table: privacyAuditLog,
    export: {
      exempt: "events of retirements and export downloads by role and time; names no user",
    },
    erase: {
      keep: "the audit trail of deletions and downloads must outlive them; it holds no personal data",
    },
  },
];
