import type { EmailTransport } from "@lumen/core/email";
import { type MailCatcher, startMailCatcher } from "@lumen/tools/mail-catcher";
import { afterAll, beforeAll } from "vitest";
import { sendEmailsHandler } from "../src/jobs/email";
import { createLogger } from "../src/logger";
import { createMailer } from "../src/mailer";
import { createTestApp, type TestApp } from "./harness";

/**
 * A test app whose mailer sends over real SMTP to a mail catcher, and the email.send job as
 * the runner runs it. Registers its own beforeAll/afterAll: call it at a test file's top.
 */
export function mailRelay() {
  let t: TestApp | undefined;
  let catcher: MailCatcher | undefined;
  let mailer: ReturnType<typeof createMailer> | undefined;
  beforeAll(async () => {
    catcher = await startMailCatcher();
    t = await createTestApp({ SMTP_URL: catcher.smtpUrl });
    mailer = createMailer({
      env: t.env,
      logger: createLogger({ level: "error", write: () => {} }),
    });
  });
  afterAll(async () => {
    mailer?.close();
    await t?.database.close();
    await catcher?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("mailRelay() is used before its beforeAll ran");
    return value;
  };
  const world = {
    get t() {
      return ready(t);
    },
    get catcher() {
      return ready(catcher);
    },
    db: () => ready(t).database.db,
    /** A job context as the runner passes it. */
    context: () => ({ jobId: "job-1", attempt: 0, signal: new AbortController().signal }),
    /** One run of the email.send job, sending through `transport` (the catcher by default). */
    runSendJob: (transport: EmailTransport = { send: (m) => ready(mailer).send(m) }) =>
      sendEmailsHandler({
        db: world.db(),
        env: ready(t).env,
        logger: { info: () => {} },
        transport,
      }).handle(undefined, world.context()),
  };
  return world;
}
