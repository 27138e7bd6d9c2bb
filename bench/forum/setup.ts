import type { SessionUser } from "@lumen/core/kernel";
import {
  createCourse,
  createForumReplies,
  createForumThread,
  createForumThreads,
  createUser,
  followForumThread,
} from "@lumen/core/testing";
import { type Database, enrollments, users } from "@lumen/db";
import { sql } from "drizzle-orm";
import { TOPICS_BY_CATEGORY, VOCABULARY } from "../lib/course-words";

/**
 * Words of a programming course's threads: its own terms first (the frequent head), then the
 * search bench's general vocabulary and topics (the long tail), picked with a Zipf-like skew.
 */
const WORDS = [
  ...(
    "python loop function error variable list string file class dictionary index import " +
    "module recursion exception syntax return argument parameter tuple lambda iterator " +
    "generator decorator closure scope integer float boolean slicing comprehension sorting " +
    "algorithm complexity memory debug unicode encoding json csv regex thread async socket " +
    "database query cursor transaction pandas numpy matplotlib array matrix vector"
  ).split(" "),
  ...VOCABULARY,
  ...[...TOPICS_BY_CATEGORY.values()].flat().flatMap((t) => t.toLowerCase().split(/\s+/)),
];

/** A deterministic pseudo-random source (same seed, same forum). */
export function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function words(random: () => number, n: number) {
  const out: string[] = [];
  // The cube skews picks towards the head of the list: a few frequent words, a long tail.
  for (let i = 0; i < n; i += 1) out.push(WORDS[Math.floor(random() ** 3 * WORDS.length)] ?? "");
  return out.join(" ");
}

/**
 * The benchmark's forum: one course with `learners` enrolled learners (who all follow the big
 * thread), `threads` threads over the last year with varied scores and reply counts (a few
 * pinned), and one big thread with `replies` replies.
 */
export async function buildForum(
  db: Database,
  {
    learners,
    threads,
    replies,
    seed,
  }: { learners: number; threads: number; replies: number; seed: number },
) {
  const random = seeded(seed);
  const instructor = await createUser(db, "instructor", { name: "Bench Instructor" });
  const course = await createCourse(db, instructor);
  const people: SessionUser[] = Array.from({ length: learners }, (_, i) => ({
    id: `bench-learner-${i}`,
    name: `Learner ${i} ${words(random, 1)}`,
    email: `bench-learner-${i}@bench.lumen.dev`,
    role: "learner" as const,
  }));
  for (let i = 0; i < people.length; i += 1000) {
    const chunk = people.slice(i, i + 1000);
    await db.insert(users).values(chunk);
    await db.insert(enrollments).values(chunk.map((u) => ({ userId: u.id, courseId: course.id })));
  }
  const year = 365 * 86_400_000;
  const now = Date.now();
  const rows = Array.from({ length: threads }, (_, i) => {
    const createdAt = new Date(now - random() * year);
    const replyCount = random() < 0.3 ? 0 : Math.floor(random() * 12);
    return {
      authorId: people[Math.floor(random() * people.length)]?.id ?? instructor.id,
      kind: random() < 0.6 ? ("question" as const) : ("discussion" as const),
      title: `${words(random, 5)} ${i}`,
      body: words(random, 40),
      createdAt,
      lastActivityAt: new Date(createdAt.getTime() + random() * (now - createdAt.getTime())),
      score: Math.floor(random() ** 3 * 50),
      replyCount,
      pinned: i < 3,
    };
  });
  await createForumThreads(db, course.id, rows);
  const big = await createForumThread(db, course.id, people[0] ?? instructor, {
    kind: "question",
    title: "The big thread: post your solutions here",
    body: words(random, 60),
  });
  await createForumReplies(
    db,
    big,
    Array.from({ length: replies }, (_, i) => ({
      authorId: people[i % people.length]?.id ?? instructor.id,
      body: words(random, 30),
    })),
  );
  await followForumThread(
    db,
    big.id,
    people.map((p) => p.id),
  );
  await db.execute(sql`analyze`);
  return {
    course,
    instructor,
    people,
    bigThreadId: big.id,
    random,
    words: (n: number) => words(random, n),
  };
}
