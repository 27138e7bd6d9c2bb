import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MailDev } from "maildev";
import { freePort } from "./net";

/** One message as maildev's REST API (`GET /api/email` in maildev 3) describes it (the fields tests read). */
export interface CaughtMail {
  id: string;
  subject: string;
  html?: string;
  text?: string;
  to: { address: string }[];
  headers: Record<string, string | string[]>;
  messageId?: string;
}

/**
 * maildev (the catcher `pnpm dev` runs) on free loopback ports in this process: mail goes
 * to it over real SMTP, and tests read it back through its REST API, as a person reading
 * the web inbox would. Nothing is relayed anywhere.
 */
export async function startMailCatcher() {
  const [smtp, web] = [await freePort(), await freePort()];
  // Its own directory: maildev's default (/tmp/maildev) would be shared with every other one.
  const mailDirectory = await mkdtemp(join(tmpdir(), "lumen-maildev-"));
  const maildev = new MailDev({
    smtp,
    web,
    ip: "127.0.0.1",
    webIp: "127.0.0.1",
    silent: true,
    mailDirectory,
  });
  await maildev.start();
  const webUrl = `http://127.0.0.1:${web}`;
  const emails = async (): Promise<CaughtMail[]> => {
    const res = await fetch(`${webUrl}/api/email`);
    if (!res.ok) throw new Error(`maildev answered ${res.status}`);
    return (await res.json()) as CaughtMail[];
  };
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp}`,
    webUrl,
    emails,
    /** The mail sent to `address` so far. */
    async to(address: string) {
      return (await emails()).filter((m) => m.to.some((t) => t.address === address));
    },
    /** The raw message (every header as sent; the JSON view keeps only a few). */
    async source(id: string) {
      const res = await fetch(`${webUrl}/api/email/${encodeURIComponent(id)}/source`);
      if (!res.ok) throw new Error(`maildev answered ${res.status}`);
      return res.text();
    },
    close: async () => {
      await maildev.stop();
      await rm(mailDirectory, { recursive: true, force: true });
    },
  };
}

export type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;
