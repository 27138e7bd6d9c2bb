import { readFile } from "node:fs/promises";
import type { AppRouter } from "@lumen/trpc";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import { minimalPdf } from "./pdf-file";

export type Api = TRPCClient<AppRouter>;

/** A signed-in session: the tRPC client, and plain requests with the same cookie. */
export interface Session {
  api: Api;
  put(path: string, body: Uint8Array<ArrayBuffer>, contentType: string): Promise<void>;
}

/**
 * The API as a signed-in user, over the same origin the browser uses (vite preview proxies
 * /api and /trpc): the learning journey builds its course through the real procedures and the
 * real upload path, so it does not depend on the authoring screens' wording.
 */
export async function sessionAs(webUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${webUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: webUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const headers = { cookie, origin: webUrl };
  return {
    api: createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${webUrl}/trpc`, headers })],
    }),
    async put(path, body, contentType) {
      const put = await fetch(`${webUrl}${path}`, {
        method: "PUT",
        headers: { ...headers, "content-type": contentType },
        body,
      });
      if (!put.ok) throw new Error(`PUT ${path} → ${put.status} ${await put.text()}`);
    },
  };
}

/** The quiz: one question of three kinds, and the answers a learner gives to pass it. */
export const TINY_QUIZ = {
  title: "Check your colours",
  questions: [
    {
      kind: "single_choice" as const,
      prompt: "Which colour is the sky on a clear day?",
      points: 1,
      explanation: "Rayleigh scattering favours blue light.",
      options: [
        { id: "red", text: "Red" },
        { id: "blue", text: "Blue" },
      ],
      answer: { optionId: "blue" },
    },
    {
      kind: "true_false" as const,
      prompt: "White light contains every colour of the rainbow.",
      points: 1,
      explanation: "A prism splits it into the spectrum.",
      answer: { value: true },
    },
    {
      kind: "numeric" as const,
      prompt: "How many colours does a rainbow traditionally have?",
      points: 2,
      explanation: "Red, orange, yellow, green, blue, indigo, violet.",
      answer: { value: 7, tolerance: 0 },
    },
  ],
};

export interface TinyCourse {
  slug: string;
  title: string;
  video: { id: string; title: string };
  quiz: { id: string; title: string };
  /** Optional: it does not count towards completion, but can be marked complete. */
  reading: { id: string; title: string; filename: string };
}

/**
 * A published course of one short video (uploaded and transcoded), one required quiz and an
 * optional PDF reading.
 */
export async function createTinyCourse(session: Session, clipPath: string): Promise<TinyCourse> {
  const { api } = session;
  const title = `Colour Science in Six Seconds ${Date.now().toString(36)}`;
  const course = await api.authoring.createCourse.mutate({
    title,
    subtitle: "A tiny course: one clip, one quiz, one certificate.",
    description:
      "Why the sky is blue and what white light is made of, told in a six-second clip and checked with a three-question quiz.",
    category: "Physical Science",
    level: "beginner",
    language: "en",
  });
  const module = await api.authoring.addModule.mutate({ courseId: course.id, title: "Light" });
  const video = await api.authoring.addLesson.mutate({
    moduleId: module.moduleId,
    title: "Why the sky is blue",
    kind: "video",
  });
  const quiz = await api.authoring.addLesson.mutate({
    moduleId: module.moduleId,
    title: TINY_QUIZ.title,
    kind: "quiz",
  });
  await api.quiz.save.mutate({
    lessonId: quiz.lessonId,
    settings: { passingPercent: 60, maxAttempts: 3, requiredForCertificate: true },
    questions: TINY_QUIZ.questions,
  });
  const reading = await api.authoring.addLesson.mutate({
    moduleId: module.moduleId,
    title: "Further reading: the spectrum",
    kind: "pdf",
  });
  await api.authoring.updateLesson.mutate({ lessonId: reading.lessonId, isOptional: true });
  const filename = "spectrum.pdf";
  await session.put(
    `/api/lessons/${reading.lessonId}/document?filename=${filename}`,
    new Uint8Array(minimalPdf("The visible spectrum")),
    "application/pdf",
  );
  await uploadVideo(api, video.lessonId, clipPath);
  await api.authoring.publish.mutate({ courseId: course.id });
  return {
    slug: course.slug,
    title,
    video: { id: video.lessonId, title: "Why the sky is blue" },
    quiz: { id: quiz.lessonId, title: TINY_QUIZ.title },
    reading: { id: reading.lessonId, title: "Further reading: the spectrum", filename },
  };
}

/** The editor's upload, without the editor: ticket, parts to the edge, complete, transcode. */
async function uploadVideo(api: Api, lessonId: string, clipPath: string) {
  const bytes = await readFile(clipPath);
  const { assetId, upload } = await api.video.createUpload.mutate({
    lessonId,
    filename: "sky.mp4",
    byteSize: bytes.byteLength,
  });
  await edge(upload.url, { method: "POST" });
  for (let part = 1, at = 0; at < bytes.byteLength; part += 1, at += upload.partBytes) {
    await edge(`${upload.url}/parts/${part}`, {
      method: "PUT",
      body: bytes.subarray(at, at + upload.partBytes),
    });
  }
  await edge(`${upload.url}/complete`, { method: "POST" });
  await api.video.completeUpload.mutate({ assetId });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { current } = await api.video.lessonVideo.query({ lessonId });
    const status = current?.status ?? null;
    if (status === "ready") return;
    if (status === "failed" || status === "cancelled") throw new Error(`video ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the clip was not ready within 60 s");
}

async function edge(url: string, init: RequestInit) {
  const response = await fetch(url, init);
  if (!response.ok) {
    throw new Error(`${init.method} ${url} → ${response.status} ${await response.text()}`);
  }
}
