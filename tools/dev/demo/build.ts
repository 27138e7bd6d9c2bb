import { readFile } from "node:fs/promises";
import { generateClip } from "@lumen/media/testing";
import {
  type BuiltCourse,
  type CoursePlan,
  ensureCourse,
  type LessonPlan,
  type Session,
} from "../../api-client";
import {
  DEMO_CLIP,
  DEMO_COURSE,
  DEMO_MODULES,
  DEMO_QUIZ,
  DEMO_SLUG,
  type DemoLessonKey,
  WELCOME_BODY,
} from "./content";

export type DemoCourse = BuiltCourse<DemoLessonKey>;

type Log = (line: string) => void;

/** The demo course's plan: its content (content.ts) in the shape the course builder takes. */
function demoPlan({ workDir, log }: { workDir: string; log: Log }): CoursePlan<DemoLessonKey> {
  const extras: Record<DemoLessonKey, Omit<LessonPlan, "key" | "title" | "kind">> = {
    welcome: { body: WELCOME_BODY },
    handout: { document: { filename: "lumen-tour-handout.pdf", text: "A tour of Lumen: handout" } },
    quiz: { quiz: DEMO_QUIZ },
    video: {
      video: {
        filename: DEMO_CLIP.name,
        timeoutMs: 180_000,
        onStatus: (status: string) => log(`demo course: video ${status}`),
        bytes: async () => {
          log("demo course: making and transcoding its clip (first run only)…");
          return readFile(await generateClip(workDir, DEMO_CLIP));
        },
      },
    },
  };
  return {
    course: DEMO_COURSE,
    // Its slug follows from its title ("a-tour-of-lumen").
    slug: DEMO_SLUG,
    modules: DEMO_MODULES.map((m) => ({
      title: m.title,
      lessons: m.lessons.map((lesson) => ({ ...lesson, ...extras[lesson.key] })),
    })),
  };
}

/**
 * The demo course as its instructor builds it, through the same procedures and upload path as
 * the editor; a run that stopped half way finishes on the next `pnpm dev` (ensureCourse).
 */
export function ensureDemoCourse(
  instructor: Session,
  options: { workDir: string; log: Log },
): Promise<DemoCourse> {
  return ensureCourse(instructor, demoPlan(options));
}
