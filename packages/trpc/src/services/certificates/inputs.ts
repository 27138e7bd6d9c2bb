import { z } from "zod";
import { id } from "../authoring/course-inputs";

export const certificateIdInput = z.object({ certificateId: id("certificateId") });
export const courseCertificatesInput = z.object({ courseId: id("courseId") });

export const revokeCertificateInput = certificateIdInput.extend({
  reason: z
    .string()
    .trim()
    .min(3, "Say why the certificate is revoked.")
    .max(500, "Keep the reason under 500 characters."),
});
export type RevokeCertificateInput = z.output<typeof revokeCertificateInput>;
