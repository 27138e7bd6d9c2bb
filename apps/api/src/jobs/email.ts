import { type EmailTransport, queueDailyDigests, sendDueEmails } from "@lumen/core/email";
import { exportEmailLinks } from "@lumen/core/privacy";
import type { Database } from "@lumen/db";
import { handleJob, queueDigestsJob, sendEmailsJob } from "@lumen/jobs";
import type { ApiEnv } from "../env";
import type { Logger } from "../logger";

export interface EmailJobDeps {
  db: Database;
  env: Pick<ApiEnv, "WEB_ORIGIN" | "AUTH_BASE_URL" | "EMAIL_TOKEN_SECRET">;
  logger: Pick<Logger, "info">;
  transport: EmailTransport;
}

/**
 * Links in emails: the SPA for people, the API's public URL for the one-click POST and for a
 * data export's signed download link (signed when the email is sent, with the same secret).
 */
export const emailLinksOf = (db: Database, env: EmailJobDeps["env"]) => {
  const apiUrl = env.AUTH_BASE_URL.replace(/\/$/, "");
  const secret = env.EMAIL_TOKEN_SECRET;
  return {
    appUrl: env.WEB_ORIGIN.replace(/\/$/, ""),
    apiUrl,
    secret,
    linkFor: exportEmailLinks({ db, secret, apiUrl }),
  };
};

/**
 * email.send: the outbox relay. Sends every due row, a batch at a time, until none is left;
 * a send failure is the row's to retry (with backoff), not the job's.
 */
export function sendEmailsHandler({ db, env, logger, transport }: EmailJobDeps) {
  const deps = { db, transport, ...emailLinksOf(db, env) };
  return handleJob(
    sendEmailsJob,
    async () => {
      for (;;) {
        const report = await sendDueEmails(deps);
        const handled = report.sent + report.skipped + report.retrying + report.failed;
        if (handled > 0) logger.info("emails handled", { ...report });
        if (handled === 0) return;
      }
    },
    { concurrency: 1 },
  );
}

/** email.queue-digests: queues the digests of every local day that just ended. */
export function queueDigestsHandler({ db, logger }: Pick<EmailJobDeps, "db" | "logger">) {
  return handleJob(
    queueDigestsJob,
    async () => {
      const { queued } = await queueDailyDigests({ db });
      if (queued > 0) logger.info("digests queued", { queued });
    },
    { concurrency: 1 },
  );
}
