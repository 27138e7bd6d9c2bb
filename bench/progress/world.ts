import { randomUUID } from "node:crypto";
import {
  createCourse,
  createLesson,
  createModule,
  createUser,
  createVideoAsset,
} from "@lumen/core/testing";
import { type Database, enrollments, playbackStarts } from "@lumen/db";
import { firstLink, type Mailbox } from "@lumen/tools/mailbox";
import { inArray } from "drizzle-orm";
import { pick } from "./json";

export interface BenchLesson {
  id: string;
  kind: "video" | "text";
  seconds: number;
}
export interface BenchLearner {
  cookie: string;
  enrollmentId: string;
  lessons: BenchLesson[];
}

/** `count` published courses: `videos` video lessons of `videoSeconds` each, then `texts` text lessons. */
export async function createCourses(
  db: Database,
  o: { count: number; videos: number; texts: number; videoSeconds: number },
) {
  const instructor = await createUser(db, "instructor", { name: "Bench Instructor" });
  const built: Array<{ id: string; lessons: BenchLesson[] }> = [];
  for (let c = 0; c < o.count; c++) {
    const course = await createCourse(db, instructor, {
      slug: `bench-progress-${c}-${instructor.id.slice(0, 6)}`,
      title: `Progress bench course ${c + 1}`,
      publishedAt: new Date(),
    });
    const mod = await createModule(db, course.id, { title: "Everything" });
    const list: BenchLesson[] = [];
    for (let l = 0; l < o.videos + o.texts; l++) {
      const kind = l < o.videos ? "video" : "text";
      const lesson = await createLesson(db, mod.id, {
        title: `Lesson ${l + 1}`,
        kind,
        position: l,
      });
      if (kind === "video") {
        await createVideoAsset(db, { id: lesson.id, courseId: course.id }, instructor, {
          originalFilename: "bench.mp4",
          status: "ready",
          durationSeconds: o.videoSeconds,
          playableAt: new Date(),
          readyAt: new Date(),
          current: true,
        });
      }
      list.push({ id: lesson.id, kind, seconds: kind === "video" ? o.videoSeconds : 0 });
    }
    built.push({ id: course.id, lessons: list });
  }
  return built;
}

/** The SPA's origin (WEB_ORIGIN's default): the API refuses cookie-carrying POSTs from others. */
export const WEB_ORIGIN = "http://localhost:5173";

/**
 * Signs learners up (form, then the emailed link) and enrolls each in one course, all over
 * HTTP as the SPA does. Each sign-up comes "from" its own address (the server trusts
 * X-Forwarded-For in the bench), so the per-IP sign-up limit does not apply across learners.
 */
export async function signUpLearners(
  apiUrl: string,
  mailbox: Mailbox,
  count: number,
  courseList: Array<{ id: string; lessons: BenchLesson[] }>,
  concurrency = 4,
): Promise<BenchLearner[]> {
  const learners: BenchLearner[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const course = courseList[i % courseList.length];
      if (!course) throw new Error("no course to enroll in");
      const cookie = await signUp(apiUrl, mailbox, i);
      const res = await fetch(`${apiUrl}/trpc/enrollment.enroll`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: WEB_ORIGIN },
        body: JSON.stringify({ courseId: course.id }),
      });
      const enrollmentId = pick(await res.json(), "result", "data", "enrollmentId");
      if (!res.ok || typeof enrollmentId !== "string") {
        throw new Error(`enroll failed: ${res.status}`);
      }
      learners.push({ cookie, enrollmentId, lessons: course.lessons });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return learners;
}

async function signUp(apiUrl: string, mailbox: Mailbox, i: number): Promise<string> {
  const email = `learner-${i}-${randomUUID().slice(0, 8)}@bench.lumen.dev`;
  const res = await fetch(`${apiUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: WEB_ORIGIN,
      "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    },
    body: JSON.stringify({
      name: `Bench Learner ${i}`,
      email,
      password: "bench-password-123",
    }),
  });
  if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  // The link names the SPA's origin (which proxies /api); the bench talks to the API itself.
  const link = firstLink(await mailbox.waitFor(email, { subject: /confirm/i }));
  const verified = await fetch(`${apiUrl}${link.pathname}${link.search}`, { redirect: "manual" });
  if (verified.status !== 302) throw new Error(`verification failed: ${verified.status}`);
  return verified.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/**
 * Each learner's playback of each video lesson began a day ago. The players replay hours of
 * viewing in seconds; coverage is bounded by time since playback began (ADR 0007), and a day's
 * allowance lets them complete lessons as real learners would, so the bench measures the same
 * work (merging, crediting, completions) at its own pace.
 */
export async function startPlaybackLongAgo(db: Database, learners: readonly BenchLearner[]) {
  const owners = await db
    .select({ id: enrollments.id, userId: enrollments.userId })
    .from(enrollments)
    .where(
      inArray(
        enrollments.id,
        learners.map((l) => l.enrollmentId),
      ),
    );
  const userOf = new Map(owners.map((o) => [o.id, o.userId]));
  const startedAt = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const rows = learners.flatMap((learner) =>
    learner.lessons
      .filter((lesson) => lesson.kind === "video")
      .map((lesson) => ({
        userId: userOf.get(learner.enrollmentId) ?? "",
        lessonId: lesson.id,
        startedAt,
      })),
  );
  if (rows.length > 0) await db.insert(playbackStarts).values(rows).onConflictDoNothing();
}
