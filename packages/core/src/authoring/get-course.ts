import type { Database } from "@lumen/db";
import { assertCanEditCourse } from "../access";
import type { SessionUser } from "../kernel";
import { type DraftModule, loadCourseDraft } from "./load-course";
import { mediaUrl } from "./media-key";
import { type PublishProblem, publishProblems } from "./publish-checks";

export interface EditableCourseView {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  /** Markdown source, unsanitized: it is sanitized where it is rendered. */
  description: string;
  category: string;
  level: "beginner" | "intermediate" | "advanced";
  language: string;
  tags: string[];
  coverImageKey: string | null;
  coverImageUrl: string | null;
  status: "draft" | "published";
  publishedAt: string | null;
  /** Send back as `expectedUpdatedAt` when saving the course's fields. */
  updatedAt: string;
  modules: DraftModule[];
  publishProblems: PublishProblem[];
}

/** The course as its editor sees it, with what still blocks publishing. */
export async function getEditableCourse({
  db,
  user,
  courseId,
}: {
  db: Database;
  user: SessionUser;
  courseId: string;
}): Promise<EditableCourseView> {
  await assertCanEditCourse(db, user, courseId);
  const course = await loadCourseDraft(db, courseId);
  return {
    ...course,
    coverImageUrl: course.coverImageKey ? mediaUrl(course.coverImageKey) : null,
    publishedAt: course.publishedAt?.toISOString() ?? null,
    updatedAt: course.updatedAt.toISOString(),
    publishProblems: publishProblems(course),
  };
}
