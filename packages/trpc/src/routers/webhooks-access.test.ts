import type { SessionUser } from "@lumen/core/kernel";
import { createCourse, createUser } from "@lumen/core/testing";
import { createWebhookEndpoint, MAX_ENDPOINTS_PER_OWNER } from "@lumen/core/webhooks";
import { deliverWebhookJob } from "@lumen/jobs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let learner: SessionUser;
let stranger: SessionUser;
let owner: SessionUser;
let coInstructor: SessionUser;
let otherInstructor: SessionUser;
let admin: SessionUser;
let courseId: string;

beforeAll(async () => {
  t = await createTestContext();
  [learner, stranger, owner, coInstructor, otherInstructor, admin] = await Promise.all([
    createUser(t.db, "learner"),
    createUser(t.db, "learner"),
    createUser(t.db, "instructor"),
    createUser(t.db, "instructor"),
    createUser(t.db, "instructor"),
    createUser(t.db, "admin"),
  ]);
  const course = await createCourse(t.db, owner, { coInstructors: [coInstructor] });
  courseId = course.id;
});
afterAll(() => t.close());

const hooks = (user: SessionUser | null) => t.callerFor(user).webhooks;
const events = ["enrollment.created", "lesson.completed"] as const;

async function deliverJobs(deliveryId: string): Promise<number> {
  const { rows } = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job
        where name = ${deliverWebhookJob.name} and data->>'deliveryId' = ${deliveryId}`,
  );
  return rows[0]?.n ?? 0;
}

describe("webhooks router: personal endpoints", () => {
  it("creating one answers with the endpoint and a Standard Webhooks secret of 32 random bytes", async () => {
    const { endpoint, secret } = await hooks(learner).create({
      url: "https://hooks.example.com/lumen",
      description: "HR sync",
      events: [...events],
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice("whsec_".length), "base64")).toHaveLength(32);
    expect(endpoint).toMatchObject({
      url: "https://hooks.example.com/lumen",
      description: "HR sync",
      events: [...events],
      enabled: true,
      disabledReason: null,
      consecutiveFailures: 0,
      courseId: null,
      mayManage: true,
    });
    expect(await hooks(learner).revealSecret({ endpointId: endpoint.id })).toEqual({ secret });
    expect((await hooks(learner).list()).map((e) => e.id)).toContain(endpoint.id);
  });

  it("nobody else sees, changes or uses someone's personal endpoint: it does not exist for them", async () => {
    const { endpoint } = await hooks(learner).create({
      url: "https://a.example/h",
      events: [...events],
    });
    const { deliveryId } = await hooks(learner).sendTest({ endpointId: endpoint.id });
    const endpointId = endpoint.id;
    expect((await hooks(stranger).list()).map((e) => e.id)).not.toContain(endpointId);
    for (const user of [stranger, admin, owner]) {
      const api = hooks(user);
      expect(await codeOf(api.update({ endpointId, enabled: false }))).toBe("NOT_FOUND");
      expect(await codeOf(api.delete({ endpointId }))).toBe("NOT_FOUND");
      expect(await codeOf(api.revealSecret({ endpointId }))).toBe("NOT_FOUND");
      expect(await codeOf(api.deliveries({ endpointId }))).toBe("NOT_FOUND");
      expect(await codeOf(api.sendTest({ endpointId }))).toBe("NOT_FOUND");
      expect(await codeOf(api.attempts({ deliveryId }))).toBe("NOT_FOUND");
      expect(await codeOf(api.redeliver({ deliveryId }))).toBe("NOT_FOUND");
    }
    expect((await hooks(learner).list()).find((e) => e.id === endpointId)?.enabled).toBe(true);
    // Someone else's delivery reads like an unknown one.
    const unknown = "00000000-0000-4000-8000-000000000000";
    const messageOf = (p: Promise<unknown>) =>
      p.then(
        () => "",
        (e: unknown) => (e instanceof Error ? e.message : ""),
      );
    expect(await messageOf(hooks(stranger).attempts({ deliveryId }))).toBe(
      await messageOf(hooks(stranger).attempts({ deliveryId: unknown })),
    );
  });

  it("signed-out callers are refused every procedure", async () => {
    const api = hooks(null);
    const endpointId = "00000000-0000-4000-8000-000000000000";
    expect(await codeOf(api.list())).toBe("UNAUTHORIZED");
    expect(await codeOf(api.create({ url: "https://a.example/h", events: [...events] }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await codeOf(api.revealSecret({ endpointId }))).toBe("UNAUTHORIZED");
    expect(await codeOf(api.deliveries({ endpointId }))).toBe("UNAUTHORIZED");
  });

  it("refuses URLs that are not http(s), carry credentials or exceed 2048 characters", async () => {
    const api = hooks(learner);
    for (const url of [
      "ftp://files.example.com/hook",
      "https://user:pass@hooks.example.com/h",
      "not a url",
      `https://hooks.example.com/${"a".repeat(2040)}`,
    ]) {
      expect(await codeOf(api.create({ url, events: [...events] })), url).toBe("BAD_REQUEST");
    }
    expect(await codeOf(api.create({ url: "https://a.example/h", events: [] }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("in production only https URLs are accepted", async () => {
    const create = (url: string) =>
      createWebhookEndpoint({
        db: t.db,
        user: stranger,
        webhooks: { httpsOnly: true },
        input: { url, description: "", events: ["course.completed"] },
      });
    expect(await codeOf(create("http://hooks.example.com/h"))).toBe("BAD_REQUEST");
    expect((await create("https://hooks.example.com/h")).endpoint.url).toBe(
      "https://hooks.example.com/h",
    );
  });

  it(`a user can have at most ${MAX_ENDPOINTS_PER_OWNER} endpoints`, async () => {
    const user = await createUser(t.db, "learner");
    for (let n = 0; n < MAX_ENDPOINTS_PER_OWNER; n++) {
      await hooks(user).create({ url: `https://a.example/${n}`, events: [...events] });
    }
    expect(
      await codeOf(hooks(user).create({ url: "https://a.example/x", events: [...events] })),
    ).toBe("CONFLICT");
  });

  it("turning an endpoint off records why; turning it back on clears that and its failures", async () => {
    const { endpoint } = await hooks(learner).create({
      url: "https://a.example/h",
      events: [...events],
    });
    const off = await hooks(learner).update({ endpointId: endpoint.id, enabled: false });
    expect(off).toMatchObject({ enabled: false, disabledReason: expect.any(String) });
    const on = await hooks(learner).update({
      endpointId: endpoint.id,
      enabled: true,
      url: "https://b.example/h",
      events: ["certificate.issued"],
    });
    expect(on).toMatchObject({
      enabled: true,
      disabledReason: null,
      consecutiveFailures: 0,
      url: "https://b.example/h",
      events: ["certificate.issued"],
    });
    await hooks(learner).delete({ endpointId: endpoint.id });
    expect(await codeOf(hooks(learner).revealSecret({ endpointId: endpoint.id }))).toBe(
      "NOT_FOUND",
    );
  });

  it("a test send is a webhook.test delivery in the log, queued for delivery now", async () => {
    const { endpoint } = await hooks(learner).create({
      url: "https://a.example/h",
      events: [...events],
    });
    const { deliveryId, eventId } = await hooks(learner).sendTest({ endpointId: endpoint.id });
    expect(eventId).toMatch(/^evt_[0-9a-f]{32}$/);
    const page = await hooks(learner).deliveries({ endpointId: endpoint.id });
    expect(page.items).toEqual([
      expect.objectContaining({
        id: deliveryId,
        eventId,
        eventType: "webhook.test",
        status: "pending",
        attempts: 0,
        lastStatusCode: null,
        lastError: null,
        completedAt: null,
      }),
    ]);
    expect(page.nextCursor).toBeNull();
    expect(await deliverJobs(deliveryId)).toBe(1);
    await hooks(learner).redeliver({ deliveryId });
    expect(await deliverJobs(deliveryId)).toBe(2);
    expect(await hooks(learner).attempts({ deliveryId })).toEqual([]);
  });

  it("the delivery log pages newest first with a cursor", async () => {
    const user = await createUser(t.db, "learner");
    const { endpoint } = await hooks(user).create({
      url: "https://a.example/h",
      events: [...events],
    });
    const sent: string[] = [];
    for (let n = 0; n < 30; n++) {
      sent.push((await hooks(user).sendTest({ endpointId: endpoint.id })).deliveryId);
    }
    const first = await hooks(user).deliveries({ endpointId: endpoint.id });
    expect(first.items).toHaveLength(25);
    expect(first.nextCursor).not.toBeNull();
    const second = await hooks(user).deliveries({
      endpointId: endpoint.id,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items].map((d) => d.id);
    expect(seen).toEqual([...sent].reverse());
    expect(
      await codeOf(hooks(user).deliveries({ endpointId: endpoint.id, cursor: "garbage" })),
    ).toBe("BAD_REQUEST");
  });
});

describe("webhooks router: a course's endpoints", () => {
  it("its instructors add them; a learner or another instructor may not", async () => {
    const input = { url: "https://lms.example.edu/hook", events: [...events], courseId };
    expect(await codeOf(hooks(learner).create(input))).toBe("FORBIDDEN");
    expect(await codeOf(hooks(otherInstructor).create(input))).toBe("FORBIDDEN");
    const { endpoint } = await hooks(owner).create(input);
    expect(endpoint.courseId).toBe(courseId);
    // A course endpoint is not one of the owner's personal ones.
    expect((await hooks(owner).list()).map((e) => e.id)).not.toContain(endpoint.id);
  });

  it("the course's other instructors and admins see them and their log; only the owner manages", async () => {
    const { endpoint } = await hooks(owner).create({
      url: "https://lms.example.edu/log",
      events: [...events],
      courseId,
    });
    const endpointId = endpoint.id;
    const { deliveryId } = await hooks(owner).sendTest({ endpointId });
    for (const viewer of [coInstructor, admin]) {
      const api = hooks(viewer);
      const listed = (await api.list({ courseId })).find((e) => e.id === endpointId);
      expect(listed).toMatchObject({ id: endpointId, mayManage: false });
      expect((await api.deliveries({ endpointId })).items.map((d) => d.id)).toContain(deliveryId);
      expect(await api.attempts({ deliveryId })).toEqual([]);
      expect(await codeOf(api.update({ endpointId, enabled: false }))).toBe("FORBIDDEN");
      expect(await codeOf(api.delete({ endpointId }))).toBe("FORBIDDEN");
      expect(await codeOf(api.revealSecret({ endpointId }))).toBe("FORBIDDEN");
      expect(await codeOf(api.sendTest({ endpointId }))).toBe("FORBIDDEN");
      expect(await codeOf(api.redeliver({ deliveryId }))).toBe("FORBIDDEN");
    }
    for (const outsider of [learner, otherInstructor]) {
      const api = hooks(outsider);
      expect(await codeOf(api.list({ courseId }))).toBe("FORBIDDEN");
      expect(await codeOf(api.deliveries({ endpointId }))).toBe("NOT_FOUND");
      expect(await codeOf(api.attempts({ deliveryId }))).toBe("NOT_FOUND");
      expect(await codeOf(api.revealSecret({ endpointId }))).toBe("NOT_FOUND");
    }
    expect((await hooks(owner).list({ courseId })).find((e) => e.id === endpointId)).toMatchObject({
      mayManage: true,
      enabled: true,
    });
  });
});
