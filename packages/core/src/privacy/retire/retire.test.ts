import { importSigningKeys, isStatusSet, verifyStatusList } from "@lumen/credentials";
import {
  DEV_ISSUER_ID,
  DEV_ISSUER_KID,
  DEV_ISSUER_SIGNING_KEYS,
} from "@lumen/credentials/dev-keys";
import {
  accountRetirements,
  accounts,
  apiKeys,
  assignmentSubmissions,
  certificates,
  courses,
  forumReplies,
  forumThreads,
  notifications,
  privacyAuditLog,
  quizAttempts,
  sessions,
  users,
  webhookEndpoints,
} from "@lumen/db";
import { catalogQuerySchema } from "@lumen/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishStatusList, pushCertificateToEdge } from "../../certificates";
import {
  createBusyLearner,
  createCourse,
  createTestCertificateIssuer,
  createTestWorld,
  createUser,
  enrolledLearner,
  type TestUser,
  type TestWorld,
  voteFor,
} from "../../testing";
import { collectExport } from "../archive";
import { requestAccountDeletion } from "./request";
import { runRetirement } from "./run";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const right = async (password: string) => password === "right password";
const DAY = 86_400_000;

/** Requests A's deletion, then runs the retirement as the job would once the grace period ended. */
async function retire(user: TestUser) {
  const requested = await requestAccountDeletion({
    db: world.db,
    user,
    input: { password: "right password" },
    checkPassword: right,
  });
  const later = () => new Date(Date.now() + 15 * DAY);
  const run = () =>
    runRetirement({
      db: world.db,
      store: world.mediaStore,
      outbox: world.outbox,
      retirementId: requested.id,
      now: later,
    });
  return { id: requested.id, run };
}

describe("retiring an account", () => {
  let a: TestUser;
  let b: TestUser;
  let aData: Awaited<ReturnType<typeof createBusyLearner>>;
  let bData: Awaited<ReturnType<typeof createBusyLearner>>;
  let retirementId: string;
  let courseId: string;

  beforeAll(async () => {
    const { db } = world;
    const instructor = await createUser(db, "instructor");
    const setup = await enrolledLearner(db, instructor, [
      { kind: "quiz" },
      { kind: "assignment" },
      { kind: "text" },
    ]);
    a = await createUser(db, "learner", { name: "Alice Retiring" });
    b = await createUser(db, "learner", { name: "Bob Staying" });
    aData = await createBusyLearner(world, a, setup.course, setup.lessonIds, 7);
    bData = await createBusyLearner(world, b, setup.course, setup.lessonIds, 8);
    await voteFor(world, a, { type: "thread", id: bData.thread.id });
    await voteFor(world, b, { type: "thread", id: aData.thread.id });
    // Alice also teaches a course, so the search index shows her name until she is retired.
    await createCourse(db, a, { title: "Alice's watercolours" });
    courseId = setup.course.id;
    const { id, run } = await retire(a);
    retirementId = id;
    await expect(run()).resolves.toBe("completed");
  });

  it("erases the user's own rows and signs them out for good", async () => {
    const { db } = world;
    for (const table of [sessions, accounts, apiKeys, webhookEndpoints, notifications]) {
      expect(await db.select().from(table).where(eq(table.userId, a.id))).toEqual([]);
    }
    expect(
      await db
        .select()
        .from(quizAttempts)
        .where(eq(quizAttempts.enrollmentId, aData.enrollment.id)),
    ).toEqual([]);
    expect(
      await db.select().from(assignmentSubmissions).where(eq(assignmentSubmissions.userId, a.id)),
    ).toEqual([]);
    const exported = await collectExport(db, a.id);
    const text = JSON.stringify([...exported.areas.values()]);
    // Course titles they wrote are course content and stay; their name is nowhere.
    expect(text).not.toContain("Alice Retiring");
    expect(text).not.toContain(a.email);
  });

  it("leaves a tombstone: the users row without anything personal", async () => {
    const [row] = await world.db.select().from(users).where(eq(users.id, a.id));
    expect(row).toMatchObject({ name: "Deleted user", image: null, emailVerified: false });
    expect(row?.email).toBe(`retired-${retirementId}@deleted.invalid`);
  });

  it("keeps forum posts readable without their author and takes the user's votes back", async () => {
    const [thread] = await world.db
      .select()
      .from(forumThreads)
      .where(eq(forumThreads.id, aData.thread.id));
    expect(thread).toMatchObject({ authorId: null, title: "Question from Alice Retiring" });
    const [reply] = await world.db
      .select()
      .from(forumReplies)
      .where(eq(forumReplies.id, aData.replyId));
    expect(reply?.authorId).toBeNull();
    const [voted] = await world.db
      .select({ score: forumThreads.score })
      .from(forumThreads)
      .where(eq(forumThreads.id, bData.thread.id));
    expect(voted?.score).toBe(0);
  });

  it("withdraws the certificate: no name or credential, its status list bit set, its PDF gone", async () => {
    const { db, mediaStore } = world;
    const [row] = await db
      .select()
      .from(certificates)
      .where(eq(certificates.id, aData.certificate.id));
    expect(row).toMatchObject({ learnerName: "Deleted user", credential: null, pdfPath: null });
    expect(row?.withdrawnAt).not.toBeNull();
    expect(
      await mediaStore.headFile({ purpose: "certificate", id: aData.certificate.id }),
    ).toBeNull();
    expect(await mediaStore.headFile({ purpose: "attachment", id: aData.attachmentId })).toBeNull();

    const sent: unknown[] = [];
    await pushCertificateToEdge({
      db,
      certificateId: aData.certificate.id,
      send: async (record) => {
        sent.push(record);
      },
    });
    expect(sent).toEqual([{ id: aData.certificate.id, withdrawnAt: expect.any(String) }]);

    const issuer = await createTestCertificateIssuer();
    let list = "";
    await publishStatusList({
      db,
      list: 1,
      issuer,
      send: async (message) => {
        list = message.credential;
      },
    });
    const ring = await importSigningKeys(DEV_ISSUER_SIGNING_KEYS, DEV_ISSUER_KID);
    const check = await verifyStatusList(list, ring.publicKeys, {
      issuerId: DEV_ISSUER_ID,
      list: 1,
    });
    expect(check.ok && isStatusSet(check.bits, 7)).toBe(true);
    expect(check.ok && isStatusSet(check.bits, 8)).toBe(false);
  });

  it("shows the courses they taught under the tombstone's name in search", async () => {
    const [taught] = await world.db.select().from(courses).where(eq(courses.instructorId, a.id));
    expect(taught).toBeDefined();
    await world.search.indexCourse(taught?.id ?? "");
    // As the search.index-course job the retirement enqueued does.
    const found = await world.search.search(catalogQuerySchema.parse({ q: "watercolours" }));
    const hit = found.items.find((item) => item.id === taught?.id);
    expect(hit?.instructorName).toBe("Deleted user");
  });

  it("leaves the second learner's data untouched", async () => {
    const { db, mediaStore } = world;
    const [bob] = await db.select().from(users).where(eq(users.id, b.id));
    expect(bob).toMatchObject({ name: "Bob Staying", email: b.email });
    expect(await db.select().from(sessions).where(eq(sessions.userId, b.id))).toHaveLength(1);
    expect(await db.select().from(apiKeys).where(eq(apiKeys.userId, b.id))).toHaveLength(1);
    const [cert] = await db
      .select()
      .from(certificates)
      .where(eq(certificates.id, bData.certificate.id));
    expect(cert).toMatchObject({ learnerName: "Bob Staying", withdrawnAt: null, revokedAt: null });
    expect(
      await mediaStore.headFile({ purpose: "certificate", id: bData.certificate.id }),
    ).not.toBeNull();
    expect(
      await mediaStore.headFile({ purpose: "attachment", id: bData.attachmentId }),
    ).not.toBeNull();
    const [thread] = await db
      .select()
      .from(forumThreads)
      .where(eq(forumThreads.id, bData.thread.id));
    expect(thread?.authorId).toBe(b.id);
    const [alicesThread] = await db
      .select({ score: forumThreads.score })
      .from(forumThreads)
      .where(eq(forumThreads.id, aData.thread.id));
    expect(alicesThread?.score).toBe(1);
    expect(courseId).toBeTruthy();
  });

  it("records the request and the completion in the audit log, by role only", async () => {
    const log = await world.db
      .select({ kind: privacyAuditLog.kind, actorRole: privacyAuditLog.actorRole })
      .from(privacyAuditLog)
      .where(eq(privacyAuditLog.retirementId, retirementId))
      .orderBy(privacyAuditLog.at);
    expect(log).toEqual([
      { kind: "deletion_requested", actorRole: "holder" },
      { kind: "retirement_started", actorRole: "system" },
      { kind: "retirement_completed", actorRole: "system" },
    ]);
    const [row] = await world.db
      .select()
      .from(accountRetirements)
      .where(eq(accountRetirements.id, retirementId));
    expect(row).toMatchObject({ state: "completed", step: "search", attempts: 1, lastError: null });
  });

  it("a second run of a completed retirement changes nothing", async () => {
    const again = runRetirement({
      db: world.db,
      store: world.mediaStore,
      outbox: world.outbox,
      retirementId,
      now: () => new Date(Date.now() + 15 * DAY),
    });
    await expect(again).resolves.toBe("skipped");
  });
});
