import { enrollInCourse } from "@lumen/core/enrollment";
import { createCourse, createTestWorld, createUser, type TestWorld } from "@lumen/core/testing";
import {
  createWebhookEndpoint,
  createWebhookSender,
  deliverWebhook,
  listWebhookDeliveries,
  updateWebhookEndpoint,
} from "@lumen/core/webhooks";
import { deliverWebhookJob, webhookFanOutJob } from "@lumen/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverWebhookHandler, webhookFanOutHandler } from "../src/jobs/webhooks";
import {
  courseEndpointAt,
  runDueWebhookJobs,
  runWebhookJobs,
  startWebhookReceiver,
} from "./webhook-receiver";

let world: TestWorld;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
/** What the receiver answers. */
let answer = 200;
beforeAll(async () => {
  world = await createTestWorld();
  receiver = await startWebhookReceiver(() => answer);
});
afterAll(async () => {
  await receiver.close();
  await world.close();
});

const send = createWebhookSender({ allowPrivateTargets: true });
const runJobs = () => runWebhookJobs(world);
const courseEndpoint = () => courseEndpointAt(world, receiver);

describe("webhook delivery: where it does not get through", () => {
  it("a pending delivery whose endpoint was turned off fails without a request", async () => {
    answer = 500;
    const hook = await courseEndpoint();
    await hook.enrollSomeone();
    await runJobs();
    const [delivery] = await hook.deliveries();
    if (!delivery) throw new Error("no delivery");
    await updateWebhookEndpoint({
      db: world.db,
      user: hook.instructor,
      input: { endpointId: hook.endpoint.id, enabled: false },
    });
    const before = receiver.received.length;
    const outcome = await deliverWebhook(
      { db: world.db, outbox: world.outbox, send },
      { deliveryId: delivery.id, attempt: 2 },
    );
    expect(outcome).toEqual({ status: "skipped", reason: "endpoint disabled" });
    expect(receiver.received.length).toBe(before);
    expect((await hook.deliveries())[0]).toMatchObject({ status: "failed" });
  });

  it("an unreachable receiver is logged as an error, not a status code", async () => {
    const instructor = await createUser(world.db, "instructor");
    const course = await createCourse(world.db, instructor);
    const closed = await startWebhookReceiver();
    const url = closed.url;
    await closed.close();
    const { endpoint } = await createWebhookEndpoint({
      db: world.db,
      user: instructor,
      input: { url, description: "", events: ["enrollment.created"], courseId: course.id },
    });
    const learner = await createUser(world.db, "learner");
    await enrollInCourse({
      db: world.db,
      user: learner,
      outbox: world.outbox,
      input: { courseId: course.id },
    });
    await runJobs();
    const { items } = await listWebhookDeliveries({
      db: world.db,
      user: instructor,
      input: { endpointId: endpoint.id },
    });
    expect(items[0]).toMatchObject({ status: "pending", lastStatusCode: null });
    expect(items[0]?.lastError).toMatch(/ECONNREFUSED/);
  });

  it("with private targets refused (production), a loopback endpoint gets no request; the refusal is logged", async () => {
    answer = 200;
    const hook = await courseEndpoint();
    await hook.enrollSomeone();
    // The app's handlers as a production runner has them.
    const deps = { db: world.db, outbox: world.outbox, logger: { info: () => {} } };
    const fanOut = webhookFanOutHandler(deps);
    const deliver = deliverWebhookHandler({
      ...deps,
      env: { WEBHOOKS_ALLOW_PRIVATE_TARGETS: false },
    });
    const context = { jobId: "job-1", attempt: 0, signal: new AbortController().signal };
    const before = receiver.received.length;
    await runDueWebhookJobs(world.db, async (name, data) => {
      if (name === webhookFanOutJob.name) {
        await fanOut.handle(webhookFanOutJob.payload.parse(data), context);
      } else await deliver.handle(deliverWebhookJob.payload.parse(data), context);
    });
    expect(receiver.received.length).toBe(before);
    const [delivery] = await hook.deliveries();
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(delivery?.lastError).toMatch(
      /^refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback address/,
    );
  });
});
