import type { CertificateIssuer } from "@lumen/core/certificates";
import type { EmailTransport } from "@lumen/core/email";
import type { Database } from "@lumen/db";
import type { JobHandler, Outbox } from "@lumen/jobs";
import { createSourceCache, type FfmpegConfig, type MediaContext } from "@lumen/media";
import type { SearchBackend } from "@lumen/search";
import type { ApiEnv } from "../env";
import type { Logger } from "../logger";
import { createMailer } from "../mailer";
import { analyticsRollupHandler } from "./analytics";
import { closeReviewHandler } from "./close-review";
import { loadCertificateIssuer } from "./credential-issuer";
import { queueDigestsHandler, sendEmailsHandler } from "./email";
import { encodeVideoHandler } from "./encode-video";
import { expireIdempotencyKeysHandler } from "./expire-idempotency-keys";
import { gradeSubmissionHandler } from "./grade-submission";
import { indexCourseHandler } from "./index-course";
import { issueCertificateHandler } from "./issue-certificate";
import {
  expireDataExportsHandler,
  privacyExportHandler,
  retireAccountHandler,
  retireDueAccountsHandler,
} from "./privacy";
import { probeVideoHandler } from "./probe-video";
import { progressPartitionsHandler } from "./progress-partitions";
import { publishCertificateHandler } from "./publish-certificate";
import { purgeEdgeHandler } from "./purge-edge";
import { deliverWebhookHandler, webhookFanOutHandler } from "./webhooks";

export interface JobDeps {
  db: Database;
  env: ApiEnv;
  logger: Logger;
  search: SearchBackend;
  /** For jobs that schedule follow-up jobs (indexing → edge purge, probe → encodes). */
  outbox: Outbox;
  /** Video storage (through the edge) for the transcode jobs. */
  media: MediaContext;
  /** Null unless FFmpeg passed the start-up self-test: then the video queues are left alone. */
  ffmpeg: FfmpegConfig | null;
  /** False unless the gVisor sandbox passed its start-up check: then submissions wait queued. */
  grading: boolean;
  /**
   * The certificate signer, imported at start-up by main.ts so a bad key stops the runner.
   * When absent (tests that issue nothing), it is imported from the env on first use.
   */
  certificateIssuer?: CertificateIssuer;
  /** Where notification email goes; default: SMTP_URL through nodemailer. */
  emailTransport?: EmailTransport;
}

/**
 * Every job kind this runner serves, wired to its dependencies. Feature issues add their
 * handlers here; job definitions (names, payloads, retry policy) live in @lumen/jobs.
 */
export function jobHandlers(deps: JobDeps): JobHandler[] {
  const issuer = certificateIssuerOf(deps);
  const handlers: JobHandler[] = [
    indexCourseHandler(deps),
    purgeEdgeHandler(deps),
    issueCertificateHandler({ ...deps, issuer }),
    publishCertificateHandler({ ...deps, issuer }),
    closeReviewHandler(deps),
    sendEmailsHandler({ ...deps, transport: emailTransportOf(deps) }),
    queueDigestsHandler(deps),
    analyticsRollupHandler(deps),
    webhookFanOutHandler(deps),
    deliverWebhookHandler(deps),
    expireIdempotencyKeysHandler(deps),
    progressPartitionsHandler(deps),
    privacyExportHandler(deps),
    expireDataExportsHandler(deps),
    retireAccountHandler(deps),
    retireDueAccountsHandler(deps),
  ];
  if (deps.ffmpeg) {
    const video = {
      db: deps.db,
      store: deps.media.store,
      ffmpeg: deps.ffmpeg,
      logger: deps.logger,
      // The probe's download serves the encodes that follow it on this runner.
      sources: createSourceCache(),
    };
    handlers.push(probeVideoHandler({ ...video, outbox: deps.outbox }), encodeVideoHandler(video));
  }
  if (deps.grading) {
    handlers.push(
      gradeSubmissionHandler({
        db: deps.db,
        outbox: deps.outbox,
        logger: deps.logger,
        concurrency: deps.env.GRADER_CONCURRENCY,
      }),
    );
  }
  return handlers;
}

function certificateIssuerOf({
  certificateIssuer,
  env,
}: JobDeps): () => Promise<CertificateIssuer> {
  if (certificateIssuer) return () => Promise.resolve(certificateIssuer);
  let loading: Promise<CertificateIssuer> | undefined;
  return () => {
    loading ??= loadCertificateIssuer(env);
    return loading;
  };
}

function emailTransportOf({ emailTransport, env, logger }: JobDeps): EmailTransport {
  if (emailTransport) return emailTransport;
  const mailer = createMailer({ env, logger });
  return { send: (message) => mailer.send(message) };
}
