import { trpcClient } from "../../../lib/trpc";
import { applyOutlineChange, type OutlineChange } from "./outline";
import { useCourseMutation } from "./use-course-mutation";

/** Sends one outline change to the procedure that makes it. */
function sendOutlineChange(courseId: string, change: OutlineChange) {
  const api = trpcClient.authoring;
  switch (change.type) {
    case "reorderModules":
      return api.reorderModules.mutate({ courseId, moduleIds: change.moduleIds });
    case "renameModule":
      return api.renameModule.mutate({ moduleId: change.moduleId, title: change.title });
    case "deleteModule":
      return api.deleteModule.mutate({ moduleId: change.moduleId });
    case "reorderLessons":
      return api.reorderLessons.mutate({ moduleId: change.moduleId, lessonIds: change.lessonIds });
    case "moveLesson":
      return api.moveLesson.mutate({
        lessonId: change.lessonId,
        toModuleId: change.toModuleId,
        position: change.position,
      });
    case "updateLesson":
      return api.updateLesson.mutate({ lessonId: change.lessonId, ...change.patch });
    case "deleteLesson":
      return api.deleteLesson.mutate({ lessonId: change.lessonId });
  }
}

/** Every outline edit, applied to the screen at once and undone if the server refuses. */
export function useOutlineChange(courseId: string, onSuccess?: (change: OutlineChange) => void) {
  return useCourseMutation(courseId, {
    send: (change: OutlineChange) => sendOutlineChange(courseId, change),
    optimistic: (course, change) => ({
      ...course,
      modules: applyOutlineChange(course.modules, change),
    }),
    onSuccess: (_result, change) => onSuccess?.(change),
  });
}

export function useAddModule(courseId: string, onAdded: (moduleId: string, title: string) => void) {
  return useCourseMutation(courseId, {
    send: (title: string) => trpcClient.authoring.addModule.mutate({ courseId, title }),
    onSuccess: (result, title) => onAdded(result.moduleId, title),
  });
}

export function useAddLesson(courseId: string, onAdded: (lessonId: string, title: string) => void) {
  return useCourseMutation(courseId, {
    send: (input: Parameters<typeof trpcClient.authoring.addLesson.mutate>[0]) =>
      trpcClient.authoring.addLesson.mutate(input),
    onSuccess: (result, input) => onAdded(result.lessonId, input.title),
  });
}
