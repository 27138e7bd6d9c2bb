import { minimalPdf } from "./pdf";
import type { Api, Session } from "./session";
import { uploadLessonVideo } from "./upload-video";

type CourseInput = Parameters<Api["authoring"]["createCourse"]["mutate"]>[0];
type LessonKind = Parameters<Api["authoring"]["addLesson"]["mutate"]>[0]["kind"];
/** A quiz as the editor saves it: settings and questions. */
export type QuizPlan = Omit<Parameters<Api["quiz"]["save"]["mutate"]>[0], "lessonId">;

/** One lesson of a course plan; `key` names it in the result. */
export interface LessonPlan<K extends string = string> {
  key: K;
  title: string;
  kind: LessonKind;
  isOptional?: boolean;
  /** Text lessons: the Markdown body. */
  body?: string;
  /** PDF lessons: the handout, a one-page PDF showing `text`. */
  document?: { filename: string; text: string };
  quiz?: QuizPlan;
  /** Video lessons: the clip (made only when it is still missing), uploaded and transcoded. */
  video?: {
    filename: string;
    bytes: () => Promise<Uint8Array<ArrayBuffer>>;
    timeoutMs?: number;
    onStatus?: (status: string) => void;
  };
}

/** A course as its instructor builds it in the editor (the demo course, browser test courses). */
export interface CoursePlan<K extends string = string> {
  course: CourseInput;
  /** When known (it follows from the title), an existing course with it is completed, not duplicated. */
  slug?: string;
  modules: ReadonlyArray<{ title: string; lessons: ReadonlyArray<LessonPlan<K>> }>;
}

export interface BuiltCourse<K extends string = string> {
  id: string;
  slug: string;
  lessons: Record<K, string>;
}

type EditorCourse = Awaited<ReturnType<Api["authoring"]["getCourse"]["query"]>>;

/**
 * Builds and publishes `plan` through the same procedures and upload path as the editor. Each
 * step looks first and does only what is missing, so a build that stopped half way (Ctrl-C
 * while a clip transcoded) finishes on the next run; videos come last, being the slow part.
 */
export async function ensureCourse<K extends string>(
  instructor: Session,
  plan: CoursePlan<K>,
): Promise<BuiltCourse<K>> {
  const { api } = instructor;
  const found = plan.slug
    ? await api.catalog.bySlug.query({ slug: plan.slug }).catch(() => null)
    : null;
  const courseId = found?.id ?? (await api.authoring.createCourse.mutate(plan.course)).id;
  let course = await api.authoring.getCourse.query({ courseId });
  if (course.status === "published") return describe(course, plan);

  for (const modulePlan of plan.modules) {
    const module =
      course.modules.find((m) => m.title === modulePlan.title) ??
      (await api.authoring.addModule.mutate({ courseId, title: modulePlan.title }));
    const moduleId = "moduleId" in module ? module.moduleId : module.id;
    for (const { key: _key, title, kind } of modulePlan.lessons) {
      const exists = course.modules.some((m) => m.lessons.some((l) => l.title === title));
      if (!exists) await api.authoring.addLesson.mutate({ moduleId, title, kind });
    }
  }
  course = await api.authoring.getCourse.query({ courseId });
  const built = describe(course, plan);
  const byId = new Map(course.modules.flatMap((m) => m.lessons).map((l) => [l.id, l]));
  const planned = plan.modules.flatMap((m) => m.lessons);

  for (const lesson of planned) {
    const lessonId = built.lessons[lesson.key];
    const current = byId.get(lessonId);
    if (lesson.body && !current?.body) {
      await api.authoring.updateLesson.mutate({ lessonId, body: lesson.body });
    }
    if (lesson.isOptional && !current?.isOptional) {
      await api.authoring.updateLesson.mutate({ lessonId, isOptional: true });
    }
    if (lesson.document && !current?.document) {
      await instructor.put(
        `/api/lessons/${lessonId}/document?filename=${lesson.document.filename}`,
        new Uint8Array(minimalPdf(lesson.document.text)),
        "application/pdf",
      );
    }
    if (lesson.quiz && !current?.questionCount) {
      await api.quiz.save.mutate({ lessonId, ...lesson.quiz });
    }
  }
  for (const lesson of planned) {
    const lessonId = built.lessons[lesson.key];
    if (!lesson.video || byId.get(lessonId)?.video?.status === "ready") continue;
    const { filename, bytes, timeoutMs, onStatus } = lesson.video;
    await uploadLessonVideo(api, lessonId, await bytes(), { filename, timeoutMs, onStatus });
  }
  await api.authoring.publish.mutate({ courseId });
  return describe(await api.authoring.getCourse.query({ courseId }), plan);
}

function describe<K extends string>(course: EditorCourse, plan: CoursePlan<K>): BuiltCourse<K> {
  const all = course.modules.flatMap((m) => m.lessons);
  const lessons = {} as Record<K, string>;
  for (const lesson of plan.modules.flatMap((m) => m.lessons)) {
    const found = all.find((l) => l.title === lesson.title);
    if (!found) throw new Error(`"${course.title}" has no lesson "${lesson.title}"`);
    lessons[lesson.key] = found.id;
  }
  return { id: course.id, slug: course.slug, lessons };
}
