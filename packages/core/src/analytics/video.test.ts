import {
  appendLessons,
  createCourse,
  createLessonRollup,
  createUser,
  createVideoSeconds,
} from "@lumen/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, type SessionUser } from "../kernel";
import { createTestWorld, type TestWorld } from "../testing";
import { getVideoEngagement, listVideoEngagement, sampledSeconds } from "./video";

let world: TestWorld;
let instructor: SessionUser;
let courseId: string;
let shortId: string;
let longId: string;
let pendingId: string;
let quizId: string;
beforeAll(async () => {
  world = await createTestWorld();
  instructor = await createUser(world.db, "instructor");
  courseId = (await createCourse(world.db, instructor)).id;
  [shortId = "", quizId = "", longId = "", pendingId = ""] = await appendLessons(
    world.db,
    courseId,
    instructor,
    [
      { kind: "video", videoSeconds: 60 },
      { kind: "quiz" },
      { kind: "video", videoSeconds: 700 },
      { kind: "video", videoSeconds: null },
    ],
  );
  await createLessonRollup(world.db, {
    lessonId: shortId,
    courseId,
    started: 5,
    completed: 3,
    viewers: 4,
    watchedTenths: 1200,
  });
  await createVideoSeconds(world.db, shortId, [
    { second: 0, viewers: 4, plays: 4 },
    { second: 1, viewers: 4, plays: 8 },
    { second: 2, viewers: 4, plays: 6 },
    { second: 3, viewers: 4, plays: 4 },
    { second: 10, viewers: 2, plays: 4 },
    { second: 11, viewers: 2, plays: 3 },
    { second: 12, viewers: 2, plays: 2 },
    { second: 20, viewers: 2, plays: 2, stops: 3 },
    { second: 30, viewers: 2, plays: 2, stops: 1 },
    // Re-watched, but a single second is no stretch.
    { second: 40, viewers: 2, plays: 4 },
    { second: 59, viewers: 1, plays: 1 },
  ]);
  await createLessonRollup(world.db, { lessonId: longId, courseId, viewers: 10 });
  await createVideoSeconds(world.db, longId, [
    { second: 0, viewers: 10, plays: 10 },
    { second: 1, viewers: 8, plays: 20 },
    { second: 2, viewers: 9, plays: 9, stops: 2 },
    { second: 3, viewers: 7, plays: 7, stops: 1 },
    { second: 699, viewers: 1, plays: 1, stops: 1 },
  ]);
});
afterAll(() => world.close());

const video = (lessonId: string, course = courseId) =>
  getVideoEngagement({ db: world.db, user: instructor, input: { courseId: course, lessonId } });

describe("video engagement", () => {
  it("samples the seconds the retention rollup samples (second s at tenth 10s + 5)", () => {
    expect([60, 60.3, 60.6, 0.5, 0.6, null].map(sampledSeconds)).toEqual([60, 60, 61, 0, 1, 0]);
  });

  it("has a point per second of a short video, zeros where no one watched", async () => {
    const result = await video(shortId);
    expect(result.bucketSeconds).toBe(1);
    expect(result.points).toHaveLength(60);
    expect(result.viewers).toBe(4);
    expect(result.averageWatchedShare).toBe(0.5); // 1200 tenths of 4 × 600
    expect(result.points[0]).toEqual({ second: 0, retention: 1, viewers: 4, plays: 4, stops: 0 });
    expect(result.points[5]).toEqual({ second: 5, retention: 0, viewers: 0, plays: 0, stops: 0 });
    expect(result.points[20]).toEqual({
      second: 20,
      retention: 0.5,
      viewers: 2,
      plays: 2,
      stops: 3,
    });
  });

  it("finds stretches re-watched 1.5 times per viewer for two seconds or more, and stop points", async () => {
    const result = await video(shortId);
    expect(result.rewatchedSegments).toEqual([
      { fromSecond: 1, toSecond: 3, playsPerViewer: 1.75 },
      { fromSecond: 10, toSecond: 12, playsPerViewer: 1.75 },
    ]);
    expect(result.stopPoints).toEqual([
      { second: 20, stops: 3 },
      { second: 30, stops: 1 },
    ]);
  });

  it("downsamples a long video to at most 300 points: first second's viewers, most plays, all stops", async () => {
    const result = await video(longId);
    expect(result.bucketSeconds).toBe(3);
    expect(result.points).toHaveLength(234);
    expect(result.points.slice(0, 2)).toEqual([
      { second: 0, retention: 1, viewers: 10, plays: 20, stops: 2 },
      { second: 3, retention: 0.7, viewers: 7, plays: 7, stops: 1 },
    ]);
    expect(result.points.at(-1)).toEqual({
      second: 699,
      retention: 0.1,
      viewers: 1,
      plays: 1,
      stops: 1,
    });
    expect(result.stopPoints[0]).toEqual({ second: 2, stops: 2 });
  });

  it("refuses a lesson of another course and a lesson that is not a video (404)", async () => {
    const other = await createCourse(world.db, instructor);
    await expect(video(shortId, other.id)).rejects.toThrow(NotFoundError);
    await expect(video(quizId)).rejects.toThrow("That lesson is not a video lesson.");
  });

  it("lists the course's videos in outline order; a video without a duration has no share", async () => {
    const { videos } = await listVideoEngagement({
      db: world.db,
      user: instructor,
      input: { courseId },
    });
    expect(videos.map((v) => [v.lessonId, v.durationSeconds, v.viewers, v.completed])).toEqual([
      [shortId, 60, 4, 3],
      [longId, 700, 10, 0],
      [pendingId, null, 0, 0],
    ]);
    expect(videos.map((v) => v.averageWatchedShare)).toEqual([0.5, 0, 0]);
  });
});
