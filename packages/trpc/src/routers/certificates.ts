import {
  courseCertificatesInput,
  listMyCertificates,
  requestCertificate,
  revokeCertificate,
  revokeCertificateInput,
} from "@lumen/core/certificates";
import { privilegedProcedure, protectedProcedure, router } from "../trpc";

/**
 * Certificates: the learner's own, and revocation by an admin or the course's instructor.
 * Issuing is a job (certificates.issue); verification is public, at the edge.
 */
export const certificatesRouter = router({
  mine: protectedProcedure.query(({ ctx }) => listMyCertificates(ctx)),
  request: protectedProcedure
    .input(courseCertificatesInput)
    .mutation(({ ctx, input }) => requestCertificate({ ...ctx, input })),
  // Staff-only work: whether the caller may still do it is read from the database.
  revoke: privilegedProcedure
    .input(revokeCertificateInput)
    .mutation(({ ctx, input }) => revokeCertificate({ ...ctx, input })),
});
