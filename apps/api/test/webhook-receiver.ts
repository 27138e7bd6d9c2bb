import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { enrollInCourse } from "@lumen/core/enrollment";
import { createCourse, createUser, type TestWorld } from "@lumen/core/testing";
import {
  createWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
} from "@lumen/core/webhooks";
import type { Database } from "@lumen/db";
import { deliverWebhookJob, type Outbox, webhookFanOutJob } from "@lumen/jobs";
import { sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { deliverWebhookHandler, webhookFanOutHandler } from "../src/jobs/webhooks";

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

/**
 * Runs the due webhook jobs through the app's two handlers, private targets allowed (the
 * receivers are on loopback), as the job runner would.
 */
export function runWebhookJobs(world: { db: Database; outbox: Outbox }): Promise<number> {
  const deps = { db: world.db, outbox: world.outbox, logger: { info: () => {} } };
  const fanOut = webhookFanOutHandler(deps);
  const deliver = deliverWebhookHandler({ ...deps, env: { WEBHOOKS_ALLOW_PRIVATE_TARGETS: true } });
  const context = { jobId: "job-1", attempt: 0, signal: new AbortController().signal };
  return runDueWebhookJobs(world.db, async (name, data) => {
    if (name === webhookFanOutJob.name) {
      await fanOut.handle(webhookFanOutJob.payload.parse(data), context);
    } else await deliver.handle(deliverWebhookJob.payload.parse(data), context);
  });
}

/**
 * A course endpoint (enrollment.created) of a fresh instructor at `receiver`, a way to make
 * events for it, and its log and state as its owner reads them.
 */
export async function courseEndpointAt(
  world: TestWorld,
  receiver: Awaited<ReturnType<typeof startWebhookReceiver>>,
) {
  const instructor = await createUser(world.db, "instructor");
  const course = await createCourse(world.db, instructor);
  const { endpoint, secret } = await createWebhookEndpoint({
    db: world.db,
    user: instructor,
    input: {
      url: receiver.url,
      description: "",
      events: ["enrollment.created"],
      courseId: course.id,
    },
  });
  receiver.useSecret(secret);
  const enrollSomeone = async () => {
    const learner = await createUser(world.db, "learner");
    await enrollInCourse({
      db: world.db,
      user: learner,
      outbox: world.outbox,
      input: { courseId: course.id },
    });
  };
  const deliveries = async () =>
    (
      await listWebhookDeliveries({
        db: world.db,
        user: instructor,
        input: { endpointId: endpoint.id },
      })
    ).items;
  const state = async () =>
    (
      await listWebhookEndpoints({ db: world.db, user: instructor, input: { courseId: course.id } })
    ).find((e) => e.id === endpoint.id);
  return { instructor, endpoint, enrollSomeone, deliveries, state };
}
