import * as certificates from "@lumen/core/certificates/inputs";
import { listMyCertificates } from "@lumen/core/certificates/mine";
import { requestCertificate } from "@lumen/core/certificates/request";
import { revokeCertificate } from "@lumen/core/certificates/revoke";
import { privilegedProcedure, protectedProcedure, router } from "../trpc";

/**
 * Certificates: the learner's own, and revocation by an admin or the course's instructor.
 * Issuing is a job (certificates.issue); verification is public, at the edge.
 */
export const certificatesRouter = router({
  mine: protectedProcedure.query(({ ctx }) => listMyCertificates(ctx)),
  request: protectedProcedure
    .input(certificates.courseCertificatesInput)
    .mutation(({ ctx, input }) => requestCertificate({ ...ctx, input })),
  // Staff-only work: whether the caller may still do it is read from the database.
  revoke: privilegedProcedure
    .input(certificates.revokeCertificateInput)
    .mutation(({ ctx, input }) => revokeCertificate({ ...ctx, input })),
});
