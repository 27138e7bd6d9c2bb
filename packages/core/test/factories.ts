import { randomUUID } from "node:crypto";
import { importSigningKeys } from "@lumen/credentials";
import {
  DEV_DOCUMENT_SIGNING_CERT,
  DEV_DOCUMENT_SIGNING_KEY,
} from "@lumen/credentials/dev-document-signer";
import {
  DEV_ISSUER_ID,
  DEV_ISSUER_KID,
  DEV_ISSUER_NAME,
  DEV_ISSUER_SIGNING_KEYS,
} from "@lumen/credentials/dev-keys";
import { loadDocumentSigner } from "@lumen/credentials/pdf";
import {
  courses,
  type Database,
  enrollments,
  lessonProgress,
  lessons,
  modules,
  quizAttempts,
  quizzes,
  sessions,
  type UserRole,
  users,
  videoAssets,
  videoRenditions,
} from "@lumen/db";
import { eq } from "drizzle-orm";
import type { SessionUser } from "../src/kernel";
import type { EditableQuestionInput } from "../src/quiz";

/** Test rows are built per test file; nothing here is shared between files. */
export async function createUser(db: Database, role: UserRole = "learner"): Promise<SessionUser> {
  const id = randomUUID();
  const user = { id, name: `${role} ${id.slice(0, 6)}`, email: `${id}@test.lumen.dev`, role };
  await db.insert(users).values(user);
  return user;
}

let courseSeq = 0;

export async function createCourse(
  db: Database,
  instructor: SessionUser,
  overrides: Partial<typeof courses.$inferInsert> = {},
) {
  courseSeq += 1;
  const [course] = await db
    .insert(courses)
    .values({
      slug: `course-${courseSeq}-${randomUUID().slice(0, 8)}`,
      title: `Course ${courseSeq}`,
      category: "Computer Science",
      level: "beginner",
      language: "en",
      instructorId: instructor.id,
      status: "published",
      publishedAt: new Date(Date.UTC(2025, 0, courseSeq)),
      ...overrides,
    })
    .returning();
  if (!course) throw new Error("course insert returned nothing");
  return course;
}

export async function addOutline(db: Database, courseId: string, shape: number[]) {
  for (const [position, lessonCount] of shape.entries()) {
    const [mod] = await db
      .insert(modules)
      .values({ courseId, title: `Module ${position + 1}`, position })
      .returning();
    if (!mod) throw new Error("module insert returned nothing");
    for (let l = 0; l < lessonCount; l++) {
      await db.insert(lessons).values({
        moduleId: mod.id,
        title: `Lesson ${position + 1}.${l + 1}`,
        kind: "video",
        position: l,
        durationSeconds: 60,
      });
    }
  }
}

/** A video lesson (in a module of its own) of a course built by createCourse. */
export async function addVideoLesson(
  db: Database,
  courseId: string,
  overrides: Partial<typeof lessons.$inferInsert> = {},
) {
  const [mod] = await db
    .insert(modules)
    .values({ courseId, title: "Videos", position: 0 })
    .returning({ id: modules.id });
  if (!mod) throw new Error("module insert returned nothing");
  const [lesson] = await db
    .insert(lessons)
    .values({ moduleId: mod.id, title: "Watch me", kind: "video", position: 0, ...overrides })
    .returning();
  if (!lesson) throw new Error("lesson insert returned nothing");
  return { ...lesson, courseId };
}

/**
 * A video asset in whatever state a test needs, written directly (as the job runner would),
 * with its renditions. `current` makes it the lesson's video, as the runner does once the
 * first rendition is playable.
 */
export async function createVideoAsset(
  db: Database,
  lesson: { id: string; courseId: string },
  uploader: SessionUser,
  {
    current = false,
    renditions = [],
    ...overrides
  }: Partial<typeof videoAssets.$inferInsert> & {
    current?: boolean;
    renditions?: Array<Partial<typeof videoRenditions.$inferInsert> & { height: number }>;
  } = {},
) {
  const [asset] = await db
    .insert(videoAssets)
    .values({
      courseId: lesson.courseId,
      lessonId: lesson.id,
      uploadedBy: uploader.id,
      originalFilename: "talk.mp4",
      byteSize: 1_000_000,
      ...overrides,
    })
    .returning();
  if (!asset) throw new Error("video asset insert returned nothing");
  for (const r of renditions) {
    await db.insert(videoRenditions).values({
      assetId: asset.id,
      name: `${r.height}p`,
      width: Math.round((r.height * 16) / 9),
      bandwidth: r.height * 3000,
      ...r,
    });
  }
  if (current)
    await db.update(lessons).set({ videoAssetId: asset.id }).where(eq(lessons.id, lesson.id));
  return asset;
}

/** A ready rendition as an encode job leaves it: files published under a fresh path. */
export function readyRendition(height: number) {
  return {
    height,
    status: "ready" as const,
    progress: 100,
    path: `${height}p-gen${height}`,
    codecs: "avc1.64001f,mp4a.40.2",
    readyAt: new Date(),
  };
}

/** A lesson of any kind (in a module of its own) of a course built by createCourse. */
export async function addLessonOfKind(
  db: Database,
  courseId: string,
  kind: (typeof lessons.$inferInsert)["kind"],
  overrides: Partial<typeof lessons.$inferInsert> = {},
) {
  return addVideoLesson(db, courseId, { title: `A ${kind} lesson`, kind, ...overrides });
}

/**
 * One question of each kind, as an editor writes them. No prompt or explanation repeats an
 * answer, so a test can search a response for the answers.
 */
export function questionsOfEveryKind() {
  return [
    {
      kind: "single_choice",
      prompt: "Which city is the capital of France?",
      points: 1,
      explanation: "It has been since the 10th century.",
      options: [
        { id: "lyon", text: "Lyon" },
        { id: "paris", text: "Paris" },
      ],
      answer: { optionId: "paris" },
    },
    {
      kind: "multiple_choice",
      prompt: "Which of these numbers are prime?",
      points: 2,
      options: [
        { id: "two", text: "2" },
        { id: "three", text: "3" },
        { id: "four", text: "4" },
      ],
      answer: { optionIds: ["two", "three"] },
    },
    { kind: "true_false", prompt: "The Earth is flat.", points: 1, answer: { value: false } },
    {
      kind: "numeric",
      prompt: "Avogadro's number in units of 10²³, to five decimals?",
      points: 3,
      answer: { value: 6.02214, tolerance: 0.00001 },
    },
    {
      kind: "short_text",
      prompt: "Who wrote Faust?",
      points: 3,
      answer: { accepted: ["Johann Wolfgang von Goethe", "Goethe"] },
    },
  ] satisfies EditableQuestionInput[];
}

/**
 * An enrollment with progress written directly (as the progress path leaves it): `lessons`
 * required video lessons, the first `completed` of them completed, and optionally a quiz
 * required for the certificate, completed with a passing or a failing attempt.
 */
export async function createEnrollmentWithProgress(
  db: Database,
  {
    learner,
    courseId,
    lessons: lessonCount = 2,
    completed = lessonCount,
    requiredQuiz,
  }: {
    learner: SessionUser;
    courseId: string;
    lessons?: number;
    completed?: number;
    requiredQuiz?: "passed" | "failed";
  },
) {
  const [mod] = await db
    .insert(modules)
    .values({ courseId, title: "Everything", position: 0 })
    .returning({ id: modules.id });
  if (!mod) throw new Error("module insert returned nothing");
  const lessonRows = await db
    .insert(lessons)
    .values(
      Array.from({ length: lessonCount }, (_, position) => ({
        moduleId: mod.id,
        title: `Lesson ${position + 1}`,
        kind: "video" as const,
        position,
        durationSeconds: 60,
      })),
    )
    .returning({ id: lessons.id });
  const [enrollment] = await db
    .insert(enrollments)
    .values({ userId: learner.id, courseId })
    .returning({ id: enrollments.id });
  if (!enrollment) throw new Error("enrollment insert returned nothing");
  const done = lessonRows.slice(0, completed).map((l) => l.id);
  if (requiredQuiz) {
    const [quizLesson] = await db
      .insert(lessons)
      .values({ moduleId: mod.id, title: "Final quiz", kind: "quiz", position: lessonCount })
      .returning({ id: lessons.id });
    if (!quizLesson) throw new Error("lesson insert returned nothing");
    await db.insert(quizzes).values({ lessonId: quizLesson.id, requiredForCertificate: true });
    const passed = requiredQuiz === "passed";
    await db.insert(quizAttempts).values({
      id: randomUUID(),
      enrollmentId: enrollment.id,
      lessonId: quizLesson.id,
      attemptNumber: 1,
      answers: {},
      scorePoints: passed ? 9 : 3,
      maxPoints: 10,
      scorePercent: passed ? 90 : 30,
      passed,
      feedback: [],
    });
    done.push(quizLesson.id);
  }
  if (done.length > 0) {
    await db.insert(lessonProgress).values(
      done.map((lessonId) => ({
        enrollmentId: enrollment.id,
        lessonId,
        watchedSeconds: 60,
        completedAt: new Date(),
      })),
    );
  }
  return { enrollmentId: enrollment.id, lessonIds: lessonRows.map((l) => l.id) };
}

/** The development issuer (the API's default), as the job runner would load it. */
export async function createTestCertificateIssuer(webOrigin = "http://localhost:5173") {
  const ring = await importSigningKeys(DEV_ISSUER_SIGNING_KEYS, DEV_ISSUER_KID);
  return {
    key: ring.current,
    profile: { id: DEV_ISSUER_ID, name: DEV_ISSUER_NAME, url: webOrigin },
    documentSigner: loadDocumentSigner({
      certificatePem: DEV_DOCUMENT_SIGNING_CERT,
      privateKeyPem: DEV_DOCUMENT_SIGNING_KEY,
    }),
  };
}

/** A signed-in session of `user`, as better-auth would store it. */
export async function createSession(db: Database, user: SessionUser) {
  const id = randomUUID();
  await db.insert(sessions).values({
    id,
    token: randomUUID(),
    userId: user.id,
    expiresAt: new Date(Date.now() + 7 * 86_400_000),
  });
  return id;
}
