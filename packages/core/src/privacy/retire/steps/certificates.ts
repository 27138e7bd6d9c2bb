import { withdrawHolderCertificates } from "../../../certificates";
import { RETIRED_NAME } from "../config";
import type { RetirementStep } from "./types";

/**
 * Issued certificates are withdrawn at the holder's request, not deleted: verifiers who relied
 * on one learn it was withdrawn (ADR 0027). The publish jobs enqueued here replace the edge's KV
 * record and drop its cached verdict; the PDFs go in the media step.
 */
export const certificatesStep: RetirementStep = {
  name: "certificates",
  run: async ({ tx, outbox, userId, now }) => {
    await withdrawHolderCertificates({ tx, outbox, userId, withdrawnName: RETIRED_NAME, now });
  },
};
