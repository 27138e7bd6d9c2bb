import { createTestWorld, type TestWorld } from "@lumen/core/testing";
import {
  createWebhookSender,
  DISABLE_AFTER_FAILURES,
  deliverWebhook,
  listWebhookAttempts,
  MAX_DELIVERY_ATTEMPTS,
  redeliverWebhook,
  updateWebhookEndpoint,
} from "@lumen/core/webhooks";
import { deliverWebhookJob } from "@lumen/jobs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseEndpointAt, runWebhookJobs, startWebhookReceiver } from "./webhook-receiver";

let world: TestWorld;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
/** What the receiver answers; tests switch it between failing and working. */
let answer = 500;
beforeAll(async () => {
  world = await createTestWorld();
  receiver = await startWebhookReceiver(() => answer);
});
afterAll(async () => {
  await receiver.close();
  await world.close();
});

const MINUTE = 60_000;
const send = createWebhookSender({ allowPrivateTargets: true });

/** Runs the due fan-out and delivery jobs through the app's handlers (first attempts only). */
const runJobs = () => runWebhookJobs(world);
const courseEndpoint = () => courseEndpointAt(world, receiver);

/** Scheduled attempts 2…n of a delivery, each at its nextAttemptAt on a moved clock. */
async function runSchedule(deliveryId: string, from: Date, upTo = MAX_DELIVERY_ATTEMPTS) {
  let at = from;
  const delays: number[] = [];
  const now = () => at;
  for (let attempt = 2; attempt <= upTo; attempt++) {
    const outcome = await deliverWebhook(
      { db: world.db, outbox: world.outbox, send, now, random: () => 0.5 },
      { deliveryId, attempt },
    );
    if (outcome.status === "retrying") {
      delays.push(outcome.nextAttemptAt.getTime() - at.getTime());
      at = outcome.nextAttemptAt;
    }
    if (outcome.status === "failed") return { delays, outcome };
  }
  return { delays, outcome: null };
}

describe("webhook retries against a failing receiver (HTTP 500)", () => {
  it("retries on a growing schedule, logs every attempt, then fails the delivery for good", async () => {
    answer = 500;
    const hook = await courseEndpoint();
    await hook.enrollSomeone();
    await runJobs();
    const [delivery] = await hook.deliveries();
    if (!delivery) throw new Error("no delivery");
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    // The first failure queued attempt 2 about 30 s out (±15 % jitter).
    const { rows } = await world.db.execute<{ wait: number }>(sql`
      select extract(epoch from start_after - created_on)::float as wait from pgboss.job
      where name = ${deliverWebhookJob.name} and data->>'deliveryId' = ${delivery.id}
        and (data->>'attempt')::int = 2`);
    expect(rows[0]?.wait).toBeGreaterThanOrEqual(25);
    expect(rows[0]?.wait).toBeLessThanOrEqual(35);

    const { delays, outcome } = await runSchedule(
      delivery.id,
      delivery.nextAttemptAt ?? new Date(),
    );
    // 30 s × 4^n, capped at 10 h: attempts 2…7 wait 2 min … 10 h, attempt 8 is the last.
    expect(delays).toEqual([2, 8, 32, 128, 512, 600].map((m) => m * MINUTE));
    expect(outcome).toEqual({ status: "failed", endpointDisabled: false });

    const [failed] = await hook.deliveries();
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS });
    expect(failed?.completedAt).toBeInstanceOf(Date);
    const attempts = await listWebhookAttempts({
      db: world.db,
      user: hook.instructor,
      input: { deliveryId: delivery.id },
    });
    expect(attempts.map((a) => [a.attempt, a.manual, a.statusCode, a.responseExcerpt])).toEqual(
      Array.from({ length: MAX_DELIVERY_ATTEMPTS }, (_, i) => [i + 1, false, 500, "thanks"]),
    );
    expect((await hook.state())?.consecutiveFailures).toBe(1);
    // Every retry is the same message, signed again.
    const sent = receiver.received.filter((r) => r.headers["webhook-id"] === delivery.eventId);
    expect(sent).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(sent.every((r) => r.verified)).toBe(true);
  });

  it("a duplicate of an attempt that already ran sends nothing", async () => {
    answer = 500;
    const hook = await courseEndpoint();
    await hook.enrollSomeone();
    await runJobs();
    const [delivery] = await hook.deliveries();
    if (!delivery) throw new Error("no delivery");
    const again = await deliverWebhook(
      { db: world.db, outbox: world.outbox, send },
      { deliveryId: delivery.id, attempt: 1 },
    );
    expect(again).toEqual({ status: "skipped", reason: "not due" });
    expect((await hook.deliveries())[0]?.attempts).toBe(1);
  });

  it(`after ${DISABLE_AFTER_FAILURES} deliveries fail for good the endpoint is turned off; turning it on resets it`, async () => {
    answer = 500;
    const hook = await courseEndpoint();
    for (let n = 0; n < DISABLE_AFTER_FAILURES; n++) await hook.enrollSomeone();
    await runJobs();
    const pending = await hook.deliveries();
    expect(pending).toHaveLength(DISABLE_AFTER_FAILURES);
    for (const delivery of pending) await runSchedule(delivery.id, new Date());
    expect(await hook.state()).toMatchObject({
      enabled: false,
      consecutiveFailures: DISABLE_AFTER_FAILURES,
      disabledReason: `Turned off after ${DISABLE_AFTER_FAILURES} deliveries in a row failed.`,
    });
    // Turned off: new events are not even fanned out to it.
    const before = receiver.received.length;
    await hook.enrollSomeone();
    await runJobs();
    expect(receiver.received.length).toBe(before);
    expect(await hook.deliveries()).toHaveLength(DISABLE_AFTER_FAILURES);

    const on = await updateWebhookEndpoint({
      db: world.db,
      user: hook.instructor,
      input: { endpointId: hook.endpoint.id, enabled: true },
    });
    expect(on).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null });
  });

  it("a manual redelivery of a failed delivery is a new attempt; its success resets the failures", async () => {
    answer = 500;
    const hook = await courseEndpoint();
    await hook.enrollSomeone();
    await runJobs();
    const [delivery] = await hook.deliveries();
    if (!delivery) throw new Error("no delivery");
    await runSchedule(delivery.id, new Date());
    expect((await hook.state())?.consecutiveFailures).toBe(1);

    answer = 204;
    await redeliverWebhook({
      db: world.db,
      user: hook.instructor,
      outbox: world.outbox,
      input: { deliveryId: delivery.id },
    });
    await runJobs();
    expect((await hook.deliveries())[0]).toMatchObject({
      status: "succeeded",
      lastStatusCode: 204,
      attempts: MAX_DELIVERY_ATTEMPTS + 1,
    });
    const attempts = await listWebhookAttempts({
      db: world.db,
      user: hook.instructor,
      input: { deliveryId: delivery.id },
    });
    expect(attempts.at(-1)).toMatchObject({ manual: true, statusCode: 204 });
    expect((await hook.state())?.consecutiveFailures).toBe(0);
  });
});
