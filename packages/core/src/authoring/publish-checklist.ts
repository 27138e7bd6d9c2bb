import type { Database } from "@lumen/db";
import { assertCanEditCourse } from "../access";
import type { SessionUser } from "../kernel";
import { loadCourseDraft } from "./load-course";
import { type PublishProblem, publishProblems } from "./publish-checks";

export interface PublishChecklist {
  ready: boolean;
  problems: PublishProblem[];
}

export async function getPublishChecklist({
  db,
  user,
  courseId,
}: {
  db: Database;
  user: SessionUser;
  courseId: string;
}): Promise<PublishChecklist> {
  await assertCanEditCourse(db, user, courseId);
  const problems = publishProblems(await loadCourseDraft(db, courseId));
  return { ready: problems.length === 0, problems };
}
