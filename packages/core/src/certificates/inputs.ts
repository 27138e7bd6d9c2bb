import { z } from "zod";
import { id, multiLine } from "../kernel";

export const certificateIdInput = z.object({ certificateId: id("certificateId") });
export const courseCertificatesInput = z.object({ courseId: id("courseId") });

export const revokeCertificateInput = certificateIdInput.extend({
  reason: multiLine({
    label: "Reason",
    max: 500,
    tooLong: "Keep the reason under 500 characters.",
  }).min(3, "Say why the certificate is revoked."),
});
export type RevokeCertificateInput = z.output<typeof revokeCertificateInput>;
