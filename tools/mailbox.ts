import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  /** The HTML part, "" when the mail has none. */
  html: string;
}

/**
 * A real SMTP server in this process, on a free loopback port: the API sends to it through
 * its ordinary SMTP_URL path, and tests and benches read what arrived (e.g. a verification
 * link). Nothing is relayed anywhere.
 */
export async function startMailbox() {
  const received: ReceivedMail[] = [];
  const waiters = new Set<{
    match: (m: ReceivedMail) => boolean;
    resolve: (m: ReceivedMail) => void;
  }>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          };
          received.push(mail);
          for (const waiter of waiters) {
            if (!waiter.match(mail)) continue;
            waiters.delete(waiter);
            waiter.resolve(mail);
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (typeof address !== "object" || address === null) throw new Error("mailbox has no port");
  const { port } = address;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /**
     * The first mail to `address` (optionally with a subject matching `subject`) that has
     * arrived or arrives next; rejects after `timeoutMs`.
     */
    waitFor(
      address: string,
      { subject, timeoutMs = 10_000 }: { subject?: RegExp; timeoutMs?: number } = {},
    ) {
      const match = (m: ReceivedMail) =>
        m.to.includes(address.toLowerCase()) && (!subject || subject.test(m.subject));
      const already = received.find(match);
      if (already) return Promise.resolve(already);
      return new Promise<ReceivedMail>((resolve, reject) => {
        const waiter = {
          match,
          resolve: (m: ReceivedMail) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no mail to ${address} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

/** The first http(s) link in a mail's text (the verification link). */
export function firstLink(mail: ReceivedMail): URL {
  const found = /https?:\/\/\S+/.exec(mail.text)?.[0];
  if (!found) throw new Error(`no link in mail "${mail.subject}"`);
  return new URL(found);
}
