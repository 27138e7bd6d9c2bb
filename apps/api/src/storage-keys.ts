import { moveLegacyCertificatePdfs } from "@lumen/core/certificates";
import { moveLegacyDocuments } from "@lumen/core/documents";
import type { Database } from "@lumen/db";
import type { MediaStore } from "@lumen/media";

/**
 * The one-off storage-keys migration (ADR 0014): certificate PDFs and lesson documents move
 * from `videos/<id>/…` to `certificates/<id>.pdf` and `documents/<id>.pdf`. Idempotent; run by
 * `pnpm storage:migrate` (README, upgrade notes). Until it has run, readers fall back to the
 * old keys, so it may run at any time after the new code is deployed.
 */
export async function migrateStorageKeys({ db, store }: { db: Database; store: MediaStore }) {
  const certificates = await moveLegacyCertificatePdfs({ db, store });
  const documents = await moveLegacyDocuments({ db, store });
  return { certificates, documents };
}
