import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@lumen/db";
import { deliverWebhookJob, webhookFanOutJob } from "@lumen/jobs";
import { sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";

/** One request a receiver got, with whether its Standard Webhooks signature verified. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
  /** The parsed body: {type, timestamp, data}. */
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
}

/**
 * A webhook receiver on 127.0.0.1 (port 0): it answers `status` (default 200) and checks every
 * request's signature with `standardwebhooks`' Webhook.verify against the endpoint's secret,
 * set once the endpoint exists (`useSecret`).
 */
export async function startWebhookReceiver(status: () => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  let secret = "";
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = false;
      try {
        new Webhook(secret).verify(body, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      received.push({ headers: req.headers, body, verified, payload: JSON.parse(body) });
      res.writeHead(status(), { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    useSecret: (value: string) => {
      secret = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs the due webhook jobs (fan-out, then the deliveries it queued) through the given handlers
 * until none is due, as a runner would: each job is taken off the queue, then handled. Jobs
 * scheduled for later (retries) stay queued. Returns how many ran.
 */
export async function runDueWebhookJobs(
  db: Database,
  handle: (name: string, data: unknown) => Promise<void>,
): Promise<number> {
  let ran = 0;
  for (;;) {
    const { rows } = await db.execute<{ name: string; data: unknown }>(sql`
      delete from pgboss.job where id = (
        select id from pgboss.job
        where name in (${webhookFanOutJob.name}, ${deliverWebhookJob.name})
          and state = 'created' and start_after <= now()
        order by created_on limit 1)
      returning name, data`);
    const job = rows[0];
    if (!job) return ran;
    await handle(job.name, job.data);
    ran += 1;
  }
}
