import { readFile } from "node:fs/promises";
import { generateClip } from "@lumen/media/testing";
import { minimalPdf, type Session, uploadLessonVideo } from "../../api-client";
import {
  DEMO_CLIP,
  DEMO_COURSE,
  DEMO_LESSONS,
  DEMO_MODULES,
  DEMO_QUIZ,
  DEMO_SLUG,
  type DemoLessonKey,
  WELCOME_BODY,
} from "./content";

export interface DemoCourse {
  id: string;
  slug: string;
  lessons: Record<DemoLessonKey, string>;
}

type Log = (line: string) => void;

/**
 * The demo course as its instructor builds it, through the same procedures and upload path as
 * the editor. Each step looks first and does only what is missing, so a run that stopped half
 * way (Ctrl-C while the clip transcoded) finishes on the next `pnpm dev`.
 */
export async function ensureDemoCourse(
  instructor: Session,
  { workDir, log }: { workDir: string; log: Log },
): Promise<DemoCourse> {
  const { api } = instructor;
  // Its slug follows from its title ("a-tour-of-lumen"); only this step creates it.
  const found = await api.catalog.bySlug.query({ slug: DEMO_SLUG }).catch(() => null);
  const courseId = found?.id ?? (await api.authoring.createCourse.mutate(DEMO_COURSE)).id;
  let course = await api.authoring.getCourse.query({ courseId });
  if (course.status === "published") return describe(course);

  for (const [position, plan] of DEMO_MODULES.entries()) {
    const module =
      course.modules.find((m) => m.title === plan.title) ??
      (await api.authoring.addModule.mutate({ courseId, title: plan.title }));
    const moduleId = "moduleId" in module ? module.moduleId : module.id;
    for (const lesson of plan.lessons) {
      const exists = course.modules.some((m) => m.lessons.some((l) => l.title === lesson.title));
      if (!exists) await api.authoring.addLesson.mutate({ moduleId, ...lesson });
    }
    if (position === DEMO_MODULES.length - 1)
      course = await api.authoring.getCourse.query({ courseId });
  }
  const lessons = lessonIds(course);
  const byId = new Map(course.modules.flatMap((m) => m.lessons).map((l) => [l.id, l]));

  if (!byId.get(lessons.welcome)?.body) {
    await api.authoring.updateLesson.mutate({ lessonId: lessons.welcome, body: WELCOME_BODY });
  }
  if (!byId.get(lessons.handout)?.document) {
    await instructor.put(
      `/api/lessons/${lessons.handout}/document?filename=lumen-tour-handout.pdf`,
      new Uint8Array(minimalPdf("A tour of Lumen: handout")),
      "application/pdf",
    );
  }
  if (!byId.get(lessons.quiz)?.questionCount) {
    await api.quiz.save.mutate({ lessonId: lessons.quiz, ...DEMO_QUIZ });
  }
  if (byId.get(lessons.video)?.video?.status !== "ready") {
    log("demo course: making and transcoding its clip (first run only)…");
    const clip = await generateClip(workDir, DEMO_CLIP);
    await uploadLessonVideo(api, lessons.video, await readFile(clip), {
      filename: DEMO_CLIP.name,
      timeoutMs: 180_000,
      onStatus: (status) => log(`demo course: video ${status}`),
    });
  }
  await api.authoring.publish.mutate({ courseId });
  return describe(await api.authoring.getCourse.query({ courseId }));
}

type EditorCourse = Awaited<ReturnType<Session["api"]["authoring"]["getCourse"]["query"]>>;

function describe(course: EditorCourse): DemoCourse {
  return { id: course.id, slug: course.slug, lessons: lessonIds(course) };
}

function lessonIds(course: EditorCourse): Record<DemoLessonKey, string> {
  const all = course.modules.flatMap((m) => m.lessons);
  const ids = {} as Record<DemoLessonKey, string>;
  for (const lesson of DEMO_LESSONS) {
    const found = all.find((l) => l.title === lesson.title);
    if (!found) throw new Error(`the demo course has no lesson "${lesson.title}"`);
    ids[lesson.key] = found.id;
  }
  return ids;
}
