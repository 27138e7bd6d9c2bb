import type { inferOutput } from "@trpc/tanstack-react-query";
import { queryClient, trpc } from "../../lib/trpc";

export type EditableCourse = inferOutput<typeof trpc.authoring.getCourse>;
export type EditableModule = EditableCourse["modules"][number];
export type EditableLesson = EditableModule["lessons"][number];
export type LessonKind = EditableLesson["kind"];
export type PublishProblem = EditableCourse["publishProblems"][number];
export type AuthoredCourse = inferOutput<typeof trpc.authoring.myCourses>["items"][number];

export const courseQuery = (courseId: string) =>
  trpc.authoring.getCourse.queryOptions({ courseId });

/** All of one course's edits share this key: they run one at a time (see use-course-mutation). */
export const courseMutationKey = (courseId: string) => ["authoring", "course", courseId] as const;

export function readCourse(courseId: string): EditableCourse | undefined {
  return queryClient.getQueryData(courseQuery(courseId).queryKey);
}

export function patchCourse(courseId: string, patch: (course: EditableCourse) => EditableCourse) {
  queryClient.setQueryData(courseQuery(courseId).queryKey, (course) => course && patch(course));
}

/** Every change bumps the course's updatedAt; the next save must send the newest one. */
export function noteUpdatedAt(courseId: string, updatedAt: string) {
  patchCourse(courseId, (course) =>
    Date.parse(updatedAt) > Date.parse(course.updatedAt) ? { ...course, updatedAt } : course,
  );
}

export async function refreshCourse(courseId: string) {
  await Promise.all([
    queryClient.invalidateQueries(trpc.authoring.getCourse.queryFilter({ courseId })),
    queryClient.invalidateQueries(trpc.authoring.myCourses.queryFilter()),
  ]);
}
