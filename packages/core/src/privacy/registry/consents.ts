import { consents } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { RegistryEntry } from "../types";

/** Consents for optional purposes (none asked for yet: only strictly necessary cookies). */
export const consentEntries: RegistryEntry[] = [
  {
    table: consents,
    export: {
      area: "consents",
      select: (db, userId) =>
        db
          .select({
            id: consents.id,
            purpose: consents.purpose,
            policyVersion: consents.policyVersion,
            grantedAt: consents.grantedAt,
            withdrawnAt: consents.withdrawnAt,
          })
          .from(consents)
          .where(eq(consents.userId, userId)),
    },
    erase: {
      delete:
        "choices of an account that no longer exists; a consent proves nothing once no data is processed under it",
    },
  },
];
