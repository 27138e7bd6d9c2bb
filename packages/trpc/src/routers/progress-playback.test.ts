import {
  addVideoLesson,
  createCourse,
  createEnrollment,
  createUser,
  createVideoAsset,
  readyRendition,
} from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/harness";
import { progressEvent } from "../testing/progress";

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("video.playback resume with progress events", () => {
  it("resumes from whichever of saved position and progress events was written last, with the coverage", async () => {
    const owner = await createUser(t.db, "instructor");
    const learner = await createUser(t.db);
    const course = await createCourse(t.db, owner);
    const lesson = await addVideoLesson(t.db, course.id);
    await createVideoAsset(t.db, lesson, owner, {
      current: true,
      status: "ready",
      durationSeconds: 120,
      playableAt: new Date(),
      renditions: [readyRendition(360)],
    });
    const enrollmentId = (await createEnrollment(t.db, learner, course.id)).id;
    const caller = t.callerFor(learner);
    const resume = async () => {
      const { resumeAtSeconds, watchedSeconds, watched } = await caller.video.playback({
        lessonId: lesson.id,
      });
      return { resumeAtSeconds, watchedSeconds, watched };
    };

    await caller.video.savePosition({ lessonId: lesson.id, positionSeconds: 30 });
    expect(await resume()).toEqual({ resumeAtSeconds: 30, watchedSeconds: 0, watched: [] });
    t.elapse(60);
    await sleep(5);
    await caller.progress.record({
      events: [
        progressEvent(enrollmentId, lesson.id, {
          positionSeconds: 70,
          watched: [
            [0, 20],
            [40, 70],
          ],
        }),
      ],
    });
    // The player gets the covered parts back, to extend them where the learner resumes.
    const covered = {
      watchedSeconds: 50,
      watched: [
        [0, 20],
        [40, 70],
      ],
    };
    expect(await resume()).toEqual({ resumeAtSeconds: 70, ...covered });
    await sleep(5);
    await caller.video.savePosition({ lessonId: lesson.id, positionSeconds: 50 });
    expect(await resume()).toEqual({ resumeAtSeconds: 50, ...covered });
  });
});
