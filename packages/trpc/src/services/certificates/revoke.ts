import type { Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { MediaContext } from "@lumen/media";
import type { SessionUser } from "../../context";
import type { RevokeCertificateInput } from "./inputs";
import type { CertificateSummary } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export async function revokeCertificate(_args: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  media: MediaContext;
  input: RevokeCertificateInput;
}): Promise<CertificateSummary> {
  throw new Error("not implemented: revokeCertificate");
}
