import { type CertificateIssuer, issueCertificate } from "@lumen/core/certificates";
import type { Database } from "@lumen/db";
import { handleJob, issueCertificateJob, type Outbox } from "@lumen/jobs";
import type { MediaContext } from "@lumen/media";
import type { ApiEnv } from "../env";
import type { Logger } from "../logger";

/**
 * Issues an enrollment's certificate (once, whatever the number of jobs or runners), renders
 * its PDF, and leaves publishing to certificates.publish, enqueued with the certificate.
 * The issuing logic is a domain verb (@lumen/core certificates); this only wires it.
 */
export function issueCertificateHandler({
  db,
  outbox,
  media,
  env,
  logger,
  issuer,
}: {
  db: Database;
  outbox: Outbox;
  media: Pick<MediaContext, "store" | "edgeUrl">;
  env: Pick<ApiEnv, "WEB_ORIGIN">;
  logger: Pick<Logger, "info">;
  /** Imported once per runner; a promise so handlers can be built before the import ends. */
  issuer: () => Promise<CertificateIssuer>;
}) {
  return handleJob(issueCertificateJob, async ({ enrollmentId }) => {
    await issueCertificate(
      {
        db,
        outbox,
        store: media.store,
        issuer: await issuer(),
        links: { edgeUrl: media.edgeUrl, webOrigin: env.WEB_ORIGIN },
        logger,
      },
      enrollmentId,
    );
  });
}
