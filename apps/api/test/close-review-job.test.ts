import { saveAssignment } from "@lumen/core/assignment";
import {
  createPeerAssignment,
  createTestWorld,
  essayAssignment,
  type TestWorld,
} from "@lumen/core/testing";
import { assignmentSubmissions } from "@lumen/db";
import { closeReviewJob } from "@lumen/jobs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeReviewHandler } from "../src/jobs/close-review";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const DAY = 86_400_000;
const context = () => ({ jobId: "job-1", attempt: 0, signal: new AbortController().signal });

function handler() {
  return closeReviewHandler({ db: world.db, outbox: world.outbox, logger: { info: () => {} } });
}

async function submission(id: string) {
  const [row] = await world.db
    .select()
    .from(assignmentSubmissions)
    .where(eq(assignmentSubmissions.id, id));
  if (!row) throw new Error("no submission");
  return row;
}

/** When each close-review job of a submission may start, oldest job first. */
async function closeJobs(submissionId: string) {
  const { rows } = await world.db.execute<{ start_after: string }>(
    sql`select start_after from pgboss.job where name = ${closeReviewJob.name}
        and data->>'submissionId' = ${submissionId} order by created_on`,
  );
  return rows.map((r) => new Date(r.start_after));
}

describe("assignments.close-review job", () => {
  it("at the deadline, closes the window: a submission without reviews goes to staff", async () => {
    const { learners } = await createPeerAssignment(world, {
      learners: 1,
      settings: { reviewWindowHours: 24 },
      now: new Date(Date.now() - 2 * DAY),
    });
    const submissionId = learners[0]?.submissionId ?? "";
    await handler().handle({ submissionId }, context());
    expect((await submission(submissionId)).status).toBe("needs_staff");
    // Delivered again: nothing more happens.
    const jobs = await closeJobs(submissionId);
    await handler().handle({ submissionId }, context());
    expect((await submission(submissionId)).status).toBe("needs_staff");
    expect(await closeJobs(submissionId)).toEqual(jobs);
  });

  it("a deadline that moved later gets a job of its own for then, and the window stays open", async () => {
    const submittedAt = new Date(Date.now() - 2 * DAY);
    const { lessonId, instructor, assignment, learners } = await createPeerAssignment(world, {
      learners: 1,
      settings: { reviewWindowHours: 24 },
      now: submittedAt,
    });
    const submissionId = learners[0]?.submissionId ?? "";
    // The instructor widens the window to four days: the deadline is now two days ahead.
    await saveAssignment({
      db: world.db,
      outbox: world.outbox,
      user: instructor,
      input: essayAssignment(lessonId, { reviewWindowHours: 96 }, assignment.rubric),
    });
    const deadline = (await submission(submissionId)).reviewDeadline;
    expect(deadline).toEqual(new Date(submittedAt.getTime() + 4 * DAY));
    const before = await closeJobs(submissionId);

    await handler().handle({ submissionId }, context());

    expect((await submission(submissionId)).status).toBe("submitted");
    const after = await closeJobs(submissionId);
    expect(after).toHaveLength(before.length + 1);
    // The newest job, the handler's, starts at the deadline to the second (startAfter is
    // whole seconds from now).
    const queued = after[after.length - 1];
    expect(Math.abs((queued?.getTime() ?? 0) - deadline.getTime())).toBeLessThan(2_000);
  });
});
