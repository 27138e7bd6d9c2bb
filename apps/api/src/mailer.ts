import nodemailer from "nodemailer";
import type { ApiEnv } from "./env";
import type { Logger } from "./logger";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  messageId?: string;
}

/**
 * Outgoing mail over SMTP (SMTP_URL; in development the maildev catcher `pnpm dev` runs).
 * Sends run in the background so a sign-up answers in the same time whether or not the
 * address already has an account; `drain` lets shutdown wait for what is still in flight.
 */
export function createMailer({ env, logger }: { env: ApiEnv; logger: Logger }) {
  const transport = nodemailer.createTransport(env.SMTP_URL);
  const inFlight = new Set<Promise<unknown>>();

  const send = async (mail: Mail) => {
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    logger.info("mail sent", { subject: mail.subject });
  };

  return {
    send,
    /** Runs `task` without making the caller wait; failures are logged without the address. */
    background(task: Promise<unknown>) {
      const tracked = task
        .catch((error: unknown) => logger.error("background mail task failed", { err: error }))
        .finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    },
    async drain() {
      await Promise.allSettled([...inFlight]);
    },
    close() {
      transport.close();
    },
  };
}

export type Mailer = ReturnType<typeof createMailer>;
