import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import type { SessionUser } from "../../context";
import type { CertificateSummary } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export async function listMyCertificates(_args: {
  db: Database;
  user: SessionUser;
  media: MediaContext;
}): Promise<CertificateSummary[]> {
  throw new Error("not implemented: listMyCertificates");
}
