import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  accountRetirements,
  apiKeys,
  certificates,
  forumThreads,
  privacyAuditLog,
  sessions,
  users,
} from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createBusyLearner,
  createTestWorld,
  createUser,
  enrolledLearner,
  type TestUser,
  type TestWorld,
} from "../../testing";
import { cancelAccountDeletion, myAccountDeletion } from "./cancel";
import { enqueueDueRetirements } from "./due";
import { requestAccountDeletion } from "./request";
import { runRetirement } from "./run";

let world: TestWorld;
let setup: Awaited<ReturnType<typeof enrolledLearner>>;
let nextBit = 100;
beforeAll(async () => {
  world = await createTestWorld();
  setup = await enrolledLearner(world.db, await createUser(world.db, "instructor"), [
    { kind: "quiz" },
    { kind: "assignment" },
    { kind: "text" },
  ]);
});
afterAll(() => world.close());

const DAY = 86_400_000;
const PASSWORD = "right password";
const checkPassword = async (password: string) => password === PASSWORD;

async function busyUser(name: string) {
  const user = await createUser(world.db, "learner", { name });
  const data = await createBusyLearner(world, user, setup.course, setup.lessonIds, nextBit++);
  return { user, data };
}

function request(user: TestUser, now = new Date()) {
  return requestAccountDeletion({
    db: world.db,
    user,
    input: { password: PASSWORD },
    checkPassword,
    now,
  });
}

const afterGrace = () => new Date(Date.now() + 15 * DAY);
const run = (retirementId: string) =>
  runRetirement({
    db: world.db,
    store: world.mediaStore,
    outbox: world.outbox,
    retirementId,
    now: afterGrace,
  });

/** Everything a completed retirement leaves, as one comparable value. */
async function endState(user: TestUser, data: Awaited<ReturnType<typeof createBusyLearner>>) {
  const { db, mediaStore } = world;
  const [row] = await db.select().from(users).where(eq(users.id, user.id));
  const [cert] = await db
    .select()
    .from(certificates)
    .where(eq(certificates.id, data.certificate.id));
  const [thread] = await db.select().from(forumThreads).where(eq(forumThreads.id, data.thread.id));
  return {
    name: row?.name,
    sessions: (await db.select().from(sessions).where(eq(sessions.userId, user.id))).length,
    apiKeys: (await db.select().from(apiKeys).where(eq(apiKeys.userId, user.id))).length,
    certificate: {
      learnerName: cert?.learnerName,
      credential: cert?.credential,
      withdrawn: cert?.withdrawnAt !== null,
    },
    pdf: await mediaStore.headFile({ purpose: "certificate", id: data.certificate.id }),
    threadAuthor: thread?.authorId,
  };
}

const RETIRED = {
  name: "Deleted user",
  sessions: 0,
  apiKeys: 0,
  certificate: { learnerName: "Deleted user", credential: null, withdrawn: true },
  pdf: null,
  threadAuthor: null,
};

describe("asking for deletion", () => {
  it("a wrong password is refused and changes nothing", async () => {
    const { user } = await busyUser("Wrong Password");
    await expect(
      requestAccountDeletion({ db: world.db, user, input: { password: "guess" }, checkPassword }),
    ).rejects.toThrow("That is not your current password.");
    expect(await myAccountDeletion({ db: world.db, user })).toBeNull();
    expect(await world.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(
      1,
    );
  });

  it("schedules it after 14 days, signs out every session, and allows one at a time", async () => {
    const { user } = await busyUser("Once Only");
    const now = new Date("2026-12-01T10:00:00Z");
    const view = await request(user, now);
    expect(view).toMatchObject({
      state: "pending",
      scheduledFor: new Date("2026-12-15T10:00:00Z"),
    });
    expect(await world.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    await expect(request(user, now)).rejects.toThrow("already scheduled");
  });
});

describe("cancelling during the grace period", () => {
  it("leaves everything intact, and a later run does nothing", async () => {
    const { user, data } = await busyUser("Changed Mind");
    const before = await endState(user, data);
    const { id } = await request(user);
    const cancelled = await cancelAccountDeletion({ db: world.db, user });
    expect(cancelled.state).toBe("cancelled");
    await expect(run(id)).resolves.toBe("skipped");
    // Only the sessions went at the request (signed out everywhere); all data stays.
    expect(await endState(user, data)).toEqual({ ...before, sessions: 0 });
    const log = await world.db
      .select({ kind: privacyAuditLog.kind })
      .from(privacyAuditLog)
      .where(eq(privacyAuditLog.retirementId, id));
    expect(log.map((entry) => entry.kind).sort()).toEqual([
      "deletion_cancelled",
      "deletion_requested",
    ]);
  });

  it("is refused once the grace period is over", async () => {
    const { user } = await busyUser("Too Late");
    await request(user, new Date(Date.now() - 15 * DAY));
    await expect(cancelAccountDeletion({ db: world.db, user })).rejects.toThrow(
      "no pending deletion",
    );
  });

  it("a retirement is not run before it is due", async () => {
    const { user } = await busyUser("Not Yet");
    const { id } = await request(user);
    await expect(
      runRetirement({
        db: world.db,
        store: world.mediaStore,
        outbox: world.outbox,
        retirementId: id,
      }),
    ).resolves.toBe("skipped");
  });
});

describe("the retirement state machine", () => {
  it("the due job picks retirements whose grace period ended", async () => {
    const { user } = await busyUser("Due Soon");
    const { id } = await request(user);
    const [row] = await world.db
      .select()
      .from(accountRetirements)
      .where(eq(accountRetirements.id, id));
    const due = await enqueueDueRetirements({
      db: world.db,
      outbox: world.outbox,
      now: afterGrace(),
    });
    expect(due).toBeGreaterThanOrEqual(1);
    expect(row?.state).toBe("pending");
  });

  it("resumes after being killed mid-way and reaches the same end state; a rerun changes nothing", async () => {
    const { user, data } = await busyUser("Crash Victim");
    const { id } = await request(user);
    await killMidway(id, "certificates");
    const [stopped] = await world.db
      .select()
      .from(accountRetirements)
      .where(eq(accountRetirements.id, id));
    expect(stopped).toMatchObject({ state: "running", step: "certificates" });
    expect((await endState(user, data)).name).toBe("Crash Victim");

    await expect(run(id)).resolves.toBe("completed");
    expect(await endState(user, data)).toEqual(RETIRED);
    await expect(run(id)).resolves.toBe("skipped");
    expect(await endState(user, data)).toEqual(RETIRED);
  });

  it("two runners at once finish it once", async () => {
    const { user, data } = await busyUser("Twice Run");
    const { id } = await request(user);
    const outcomes = await Promise.all([run(id), run(id)]);
    expect(outcomes).toContain("completed");
    await run(id);
    expect(await endState(user, data)).toEqual(RETIRED);
    const completions = await world.db
      .select()
      .from(privacyAuditLog)
      .where(eq(privacyAuditLog.retirementId, id));
    expect(completions.filter((entry) => entry.kind === "retirement_completed")).toHaveLength(1);
  });
});

/**
 * Stops a run right after `step` committed. On Postgres the run is a child process killed with
 * SIGKILL; PGlite lives in this process, where no other process can reach it, so there the run
 * fails at the next step instead (the same state on disk: `step` committed, nothing after).
 */
async function killMidway(retirementId: string, step: string) {
  const url = world.database.url;
  if (!url) {
    await expect(
      runRetirement({
        db: world.db,
        store: world.mediaStore,
        outbox: world.outbox,
        retirementId,
        now: afterGrace,
        hooks: {
          afterStep: (done) => {
            if (done === step) throw new Error("killed");
          },
        },
      }),
    ).rejects.toThrow("killed");
    return;
  }
  const script = fileURLToPath(new URL("../../testing/retire-child.ts", import.meta.url));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", script, url, retirementId, step, String(afterGrace().getTime())],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`stopped ${step}`)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the run ended (${code}) before ${step}`)));
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}
