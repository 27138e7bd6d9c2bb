import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  courseMutationKey,
  courseQuery,
  type EditableCourse,
  noteUpdatedAt,
  patchCourse,
  readCourse,
  refreshCourse,
} from "../api";

/**
 * One edit of a course. Edits of the same course run one at a time (a mutation scope), so
 * each reads the newest `updatedAt` when it is sent; the optional optimistic change shows
 * at once and is rolled back if the server refuses. When the last queued edit settles, the
 * course is re-read (outline order, publish checklist) from the server, the source of truth.
 */
export function useCourseMutation<TVars, TResult extends { updatedAt: string }>(
  courseId: string,
  options: {
    send: (vars: TVars) => Promise<TResult>;
    optimistic?: (course: EditableCourse, vars: TVars) => EditableCourse;
    onSuccess?: (result: TResult, vars: TVars) => void;
  },
) {
  const client = useQueryClient();
  const mutationKey = courseMutationKey(courseId);
  return useMutation({
    mutationKey,
    scope: { id: mutationKey.join(":") },
    mutationFn: options.send,
    onMutate: async (vars: TVars) => {
      const { optimistic } = options;
      if (!optimistic) return { snapshot: undefined };
      await client.cancelQueries(courseQuery(courseId));
      const snapshot = readCourse(courseId);
      patchCourse(courseId, (course) => optimistic(course, vars));
      return { snapshot };
    },
    onError: (_error, _vars, context) => {
      if (context?.snapshot) client.setQueryData(courseQuery(courseId).queryKey, context.snapshot);
    },
    onSuccess: (result, vars) => {
      noteUpdatedAt(courseId, result.updatedAt);
      options.onSuccess?.(result, vars);
    },
    onSettled: async () => {
      // This mutation still counts as running here: 1 means no other edit is queued.
      if (client.isMutating({ mutationKey }) <= 1) await refreshCourse(courseId);
    },
  });
}

/** The newest updatedAt of a course, for `expectedUpdatedAt`, read when the save is sent. */
export function currentUpdatedAt(courseId: string): string {
  return readCourse(courseId)?.updatedAt ?? new Date(0).toISOString();
}
