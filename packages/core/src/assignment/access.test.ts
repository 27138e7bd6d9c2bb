import { createUser } from "@lumen/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../kernel";
import { createFocusedReview, createTestWorld, scoresFor, type TestWorld } from "../testing";
import { assertCanReadSubmission } from "./access";
import { reviewNext } from "./review-next";
import { submitReview } from "./submit-review";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const MINUTE = 60_000;

describe("who may read a submission", () => {
  it("its author, the course's staff and a reviewer it is or was leased to — nobody else", async () => {
    const now = new Date("2026-07-01T09:00:00Z");
    const { lessonId, reviewers, author, instructor, openAt, assignment } =
      await createFocusedReview(world, {
        reviewers: 3,
        settings: { reviewsNeeded: 2, leaseMinutes: 10 },
        now,
      });
    const [reviewer, lapsed, outsider] = reviewers;
    if (!reviewer || !lapsed || !outsider) throw new Error("no reviewers");
    const admin = await createUser(world.db, "admin");
    const otherInstructor = await createUser(world.db, "instructor");
    const submissionId = author.submissionId ?? "";
    const canRead = (user: Parameters<typeof assertCanReadSubmission>[1], at: Date) =>
      assertCanReadSubmission(world.db, user, submissionId, at).then(
        (r) => r.as,
        (e: unknown) => (e instanceof NotFoundError ? "not found" : String(e)),
      );

    const lease = await reviewNext({
      db: world.db,
      user: reviewer.user,
      input: { lessonId },
      now: openAt,
    });
    await reviewNext({ db: world.db, user: lapsed.user, input: { lessonId }, now: openAt });
    expect(await canRead(author.user, openAt)).toBe("author");
    expect(await canRead(instructor, openAt)).toBe("staff");
    expect(await canRead(admin, openAt)).toBe("staff");
    expect(await canRead(reviewer.user, openAt)).toBe("reviewer");
    expect(await canRead(lapsed.user, openAt)).toBe("reviewer");
    expect(await canRead(outsider.user, openAt)).toBe("not found");
    expect(await canRead(otherInstructor, openAt)).toBe("not found");

    await submitReview({
      db: world.db,
      outbox: world.outbox,
      user: reviewer.user,
      input: {
        reviewId: lease.lease?.reviewId ?? "",
        scores: scoresFor(assignment.rubric, [2, 2]),
      },
      now: openAt,
    });
    const expired = new Date(openAt.getTime() + 11 * MINUTE);
    expect(await canRead(reviewer.user, expired)).toBe("reviewer");
    expect(await canRead(lapsed.user, expired)).toBe("not found");
    await expect(
      assertCanReadSubmission(world.db, outsider.user, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
