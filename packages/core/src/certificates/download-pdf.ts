import type { Database } from "@lumen/db";
import type { MediaStore, StoredObject } from "@lumen/media";
import { ConflictError, type SessionUser } from "../kernel";
import { loadVisibleCertificate } from "./access";
import { readCertificatePdf } from "./pdf-file";

/**
 * The certificate PDF for its learner, the course's instructors and admins (anyone else:
 * NotFound, as for an unknown id). Conflict while the runner has not rendered it yet.
 */
export async function openCertificatePdf({
  db,
  store,
  user,
  certificateId,
}: {
  db: Database;
  store: MediaStore;
  user: SessionUser;
  certificateId: string;
}): Promise<{ pdf: StoredObject; filename: string }> {
  const certificate = await loadVisibleCertificate(db, user, certificateId);
  const pdf = await readCertificatePdf(store, certificate.id, certificate.pdfPath);
  if (!pdf) {
    throw new ConflictError(
      "The certificate's PDF is still being prepared. Try again in a minute.",
    );
  }
  // Slugs are [a-z0-9-] when made by authoring; filtered anyway, as it goes into a header.
  const slug = certificate.courseSlug.replace(/[^A-Za-z0-9-]+/g, "-");
  return { pdf, filename: `lumen-certificate-${slug}.pdf` };
}
