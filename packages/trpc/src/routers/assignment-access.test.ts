import type { SessionUser } from "@lumen/core/kernel";
import { createPeerAssignment, createUser, essayAssignment, scoresFor } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";
import { changedParts, worldState } from "../testing/sweep";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const api = (user: SessionUser) => t.callerFor(user).assignment;

/**
 * Four learners review each other through the router until every submission has its three
 * reviews, keeping every response the learners got; the first learner flags a review.
 */
async function reviewedCohort() {
  const peer = await createPeerAssignment(t, { learners: 4 });
  const { lessonId, learners, assignment } = peer;
  const responses: Array<{ caller: SessionUser; json: string }> = [];
  const keep = (caller: SessionUser, value: unknown) =>
    responses.push({ caller, json: JSON.stringify(value) });
  const reviewersOf = new Map<string, string[]>();
  for (let round = 0; round < 3; round++) {
    for (const learner of learners) {
      const next = await api(learner.user).reviewNext({ lessonId });
      keep(learner.user, next);
      if (!next.lease) throw new Error(`no lease: ${next.reason}`);
      const done = await api(learner.user).review({
        reviewId: next.lease.reviewId,
        scores: scoresFor(assignment.rubric, [4, 2]),
      });
      keep(learner.user, done);
      const list = reviewersOf.get(next.lease.submissionId) ?? [];
      reviewersOf.set(next.lease.submissionId, [...list, learner.enrollmentId]);
    }
  }
  for (const learner of learners) keep(learner.user, await api(learner.user).take({ lessonId }));
  const [flagger] = learners;
  if (!flagger) throw new Error("no learners");
  const mine = await api(flagger.user).take({ lessonId });
  const flagged = mine.reviews[0]?.reviewId ?? "";
  await api(flagger.user).flag({ reviewId: flagged, reason: "This one ignored the rubric." });
  return { ...peer, responses, reviewersOf, flagger, flagged };
}

/** What identifies a learner: user id, email, name and enrollment id. */
function identityOf(learner: { user: SessionUser; enrollmentId: string }) {
  return [learner.user.id, learner.user.email, learner.user.name, learner.enrollmentId];
}

describe("assignment: nobody learns who reviewed what", () => {
  it("no learner's response names another learner, and staff views name no reviewer", async () => {
    const { lessonId, learners, instructor, responses, reviewersOf } = await reviewedCohort();
    expect(responses.length).toBe(4 * 3 * 2 + 4);
    for (const { caller, json } of responses) {
      for (const other of learners) {
        if (other.user.id === caller.id) continue;
        for (const identity of identityOf(other)) expect(json).not.toContain(identity);
      }
    }

    const backlog = JSON.stringify(await api(instructor).backlog({ lessonId }));
    for (const learner of learners) {
      // Staff see who wrote each submission (their name), never ids linking reviews to people.
      for (const identity of [learner.user.id, learner.user.email, learner.enrollmentId]) {
        expect(backlog).not.toContain(identity);
      }
    }
    for (const learner of learners) {
      const staffView = await api(instructor).staffSubmission({
        submissionId: learner.submissionId ?? "",
      });
      expect(staffView.learnerName).toBe(learner.user.name);
      expect(staffView.reviews.map((r) => r.label)).toEqual([
        "Reviewer 1",
        "Reviewer 2",
        "Reviewer 3",
      ]);
      const json = JSON.stringify(staffView);
      const reviewers = reviewersOf.get(learner.submissionId ?? "") ?? [];
      expect(reviewers).toHaveLength(3);
      for (const reviewer of learners.filter((l) => reviewers.includes(l.enrollmentId))) {
        for (const identity of identityOf(reviewer)) expect(json).not.toContain(identity);
      }
    }
  });
});

describe("assignment: who may read a submission", () => {
  it("another learner reads a submission only through a lease of their own", async () => {
    const peer = await createPeerAssignment(t, { learners: 3, settings: { reviewsNeeded: 1 } });
    const { lessonId, learners, assignment } = peer;
    const [author, reviewer, outsider] = learners;
    if (!author || !reviewer || !outsider) throw new Error("no learners");
    const leased = await api(reviewer.user).reviewNext({ lessonId });
    expect(leased.lease?.submissionId).toBe(author.submissionId);
    expect(leased.lease?.body).toBe("Essay by learner 1.");

    // The outsider's lease is another submission; nothing else of the author's reaches them.
    const theirs = await api(outsider.user).reviewNext({ lessonId });
    expect(theirs.lease?.submissionId).not.toBe(author.submissionId);
    expect(JSON.stringify(theirs)).not.toContain("Essay by learner 1.");
    expect(JSON.stringify(await api(outsider.user).take({ lessonId }))).not.toContain(
      "Essay by learner 1.",
    );
    const reviewId = leased.lease?.reviewId ?? "";
    const scores = scoresFor(assignment.rubric, [4, 3]);
    expect(await codeOf(api(outsider.user).review({ reviewId, scores }))).toBe("NOT_FOUND");
    expect(
      await codeOf(api(outsider.user).staffSubmission({ submissionId: author.submissionId ?? "" })),
    ).toBe("FORBIDDEN");
    const done = await api(reviewer.user).review({ reviewId, scores });
    expect(done.completedGrade).toBe(true);
    expect(await codeOf(api(outsider.user).flag({ reviewId, reason: "Not mine to flag." }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("assignment: staff actions need the course's instructor or an admin", () => {
  it("learners and other instructors are refused and change nothing; the owner and an admin may", async () => {
    const { lessonId, learners, instructor, assignment, flagged, flagger } = await reviewedCohort();
    const submissionId = flagger.submissionId ?? "";
    const learner = learners[1]?.user;
    if (!learner) throw new Error("no learner");
    const otherInstructor = await createUser(t.db, "instructor");
    const admin = await createUser(t.db, "admin");
    const scores = scoresFor(assignment.rubric, [0, 0]);
    const edited = essayAssignment(lessonId, { reviewsToGive: 1 }, assignment.rubric);
    // As the editor sends it: no dates set.
    const saveInput = {
      ...edited,
      settings: { ...edited.settings, dueAt: null, reviewsCloseAt: null },
    };
    const calls = (user: SessionUser) => ({
      edit: () => api(user).edit({ lessonId }),
      save: () => api(user).save(saveInput),
      backlog: () => api(user).backlog({ lessonId }),
      staffSubmission: () => api(user).staffSubmission({ submissionId }),
      staffGrade: () => api(user).staffGrade({ submissionId, scores, note: "Regraded." }),
      keepReview: () => api(user).keepReview({ reviewId: flagged }),
    });

    const before = await worldState(t.db, t.mediaStore);
    const refusals: Record<string, string> = {};
    for (const [who, user] of [
      ["learner", learner],
      ["other instructor", otherInstructor],
    ] as const) {
      for (const [name, call] of Object.entries(calls(user))) {
        refusals[`${who} ${name}`] = await codeOf(call());
      }
    }
    expect(refusals).toEqual({
      "learner edit": "FORBIDDEN",
      "learner save": "FORBIDDEN",
      "learner backlog": "FORBIDDEN",
      "learner staffSubmission": "FORBIDDEN",
      "learner staffGrade": "FORBIDDEN",
      "learner keepReview": "FORBIDDEN",
      "other instructor edit": "FORBIDDEN",
      "other instructor save": "FORBIDDEN",
      "other instructor backlog": "FORBIDDEN",
      "other instructor staffSubmission": "NOT_FOUND",
      "other instructor staffGrade": "NOT_FOUND",
      "other instructor keepReview": "NOT_FOUND",
    });
    expect(changedParts(before, await worldState(t.db, t.mediaStore))).toEqual([]);

    for (const user of [instructor, admin]) {
      const staff = calls(user);
      expect((await staff.edit()).lessonId).toBe(lessonId);
      expect((await staff.backlog()).counts.flagged).toBe(user === instructor ? 1 : 0);
      expect((await staff.staffSubmission()).id).toBe(submissionId);
      expect((await staff.keepReview()).resolution).toBe("kept");
    }
    expect((await calls(admin).staffGrade()).gradedBy).toBe("override");
    expect((await calls(admin).save()).settings.reviewsToGive).toBe(1);
    const view = await api(flagger.user).take({ lessonId });
    expect(view.grade).toMatchObject({ gradedBy: "override", points: 0, staffNote: "Regraded." });
  });
});
