import type { Database } from "@lumen/db";
import { handleJob, publishCertificateJob } from "@lumen/jobs";
import { publishCertificate } from "@lumen/trpc/services/certificates/publish";
import { z } from "zod";
import type { ApiEnv } from "../env";
import type { Logger } from "../logger";
import { callEdge } from "./edge-request";

/** The edge answers with the status the stored record now verifies to. */
const edgeAnswer = z.object({ status: z.enum(["valid", "revoked", "invalid"]) });

/**
 * Puts a certificate's current state (credential, revocation) into the edge's KV, so employers
 * verify it with the origin down. The record is read when the job runs, never carried in the
 * payload: a retry or a late duplicate sends today's state, so publishing is idempotent.
 */
export function publishCertificateHandler({
  db,
  env,
  logger,
  fetch,
}: {
  db: Database;
  env: Pick<ApiEnv, "EDGE_URL" | "EDGE_PURGE_SECRET">;
  logger: Pick<Logger, "info" | "error">;
  fetch?: typeof globalThis.fetch;
}) {
  return handleJob(publishCertificateJob, async ({ certificateId }, { signal }) => {
    let answer: string | undefined;
    const record = await publishCertificate({
      db,
      certificateId,
      send: async (body) => {
        const path = `/internal/certificates/${certificateId}`;
        answer = await callEdge({
          env,
          method: "PUT",
          path,
          body,
          signal,
          ...(fetch ? { fetch } : {}),
        });
      },
    });
    if (!record) {
      logger.info("certificate gone; nothing to publish", { certificateId });
      return;
    }
    const edgeStatus = statusOf(answer);
    const expected = record.revokedAt ? "revoked" : "valid";
    // Retrying cannot fix this: the edge trusts other keys or another issuer id than we sign with.
    if (edgeStatus === "invalid") {
      logger.error(
        "the edge finds this certificate invalid: check its ISSUER_KEYS and ISSUER_ID against CREDENTIAL_SIGNING_KEYS and CREDENTIAL_ISSUER_ID",
        { certificateId },
      );
    }
    logger.info("certificate published to the edge", { certificateId, expected, edgeStatus });
  });
}

function statusOf(answer: string | undefined): string | undefined {
  try {
    return edgeAnswer.safeParse(JSON.parse(answer ?? "")).data?.status;
  } catch {
    return undefined;
  }
}
