import {
  type CertificateIssuer,
  publishStatusList,
  pushCertificateToEdge,
} from "@lumen/core/certificates";
import { isWithdrawn } from "@lumen/credentials";
import type { Database } from "@lumen/db";
import { handleJob, publishCertificateJob } from "@lumen/jobs";
import { z } from "zod";
import type { ApiEnv } from "../env";
import type { Logger } from "../logger";
import { callEdge } from "./edge-request";

/** The edge answers with the status the stored record now verifies to. */
const edgeAnswer = z.object({ status: z.enum(["valid", "revoked", "expired", "invalid"]) });

type Deps = {
  db: Database;
  env: Pick<ApiEnv, "EDGE_URL" | "EDGE_INTERNAL_SECRET">;
  logger: Pick<Logger, "info" | "error">;
  /** Signs the status list when it changed; imported once per runner. */
  issuer: () => Promise<CertificateIssuer>;
  fetch?: typeof globalThis.fetch;
};

/**
 * Puts a certificate's current state (credential, revocation) into the edge's KV, so employers
 * verify it with the origin down, then brings its revocation status list up to date there, so
 * verifiers that only read the list see the same. Everything is read when the job runs, never
 * carried in the payload: a retry or a late duplicate sends today's state (idempotent).
 */
export function publishCertificateHandler({ db, env, logger, issuer, fetch }: Deps) {
  return handleJob(publishCertificateJob, async ({ certificateId }, { signal }) => {
    const edge = (path: string, body: unknown) =>
      callEdge({ env, method: "PUT", path, body, signal, ...(fetch ? { fetch } : {}) });
    let answer: string | undefined;
    const published = await pushCertificateToEdge({
      db,
      certificateId,
      send: async (body) => {
        answer = await edge(`/internal/certificates/${certificateId}`, body);
      },
    });
    if (!published) {
      logger.info("certificate gone; nothing to publish", { certificateId });
      return;
    }
    const { record, statusList } = published;
    const edgeStatus = statusOf(answer);
    const expected = isWithdrawn(record) || record.revokedAt ? "revoked" : "valid";
    // Retrying cannot fix this: the edge trusts other keys or another issuer id than we sign with.
    if (edgeStatus === "invalid") {
      logger.error(
        "the edge finds this certificate invalid: check its ISSUER_KEYS and ISSUER_ID against CREDENTIAL_SIGNING_KEYS and CREDENTIAL_ISSUER_ID",
        { certificateId },
      );
    }
    logger.info("certificate published to the edge", { certificateId, expected, edgeStatus });
    if (statusList === null) return;
    const list = await publishStatusList({
      db,
      list: statusList,
      issuer: await issuer(),
      send: async (message) => {
        await edge(`/internal/status-lists/${message.list}`, message);
      },
    });
    logger.info("status list checked", { certificateId, statusList, list });
  });
}

function statusOf(answer: string | undefined): string | undefined {
  try {
    return edgeAnswer.safeParse(JSON.parse(answer ?? "")).data?.status;
  } catch {
    return undefined;
  }
}
