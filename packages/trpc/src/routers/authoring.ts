import { addLesson } from "@lumen/core/authoring/add-lesson";
import { addModule } from "@lumen/core/authoring/add-module";
import * as course from "@lumen/core/authoring/course-inputs";
import { createCourse } from "@lumen/core/authoring/create-course";
import { deleteLesson } from "@lumen/core/authoring/delete-lesson";
import { deleteModule } from "@lumen/core/authoring/delete-module";
import { getEditableCourse } from "@lumen/core/authoring/get-course";
import { listMyCourses } from "@lumen/core/authoring/list-my-courses";
import { moveLesson } from "@lumen/core/authoring/move-lesson";
import * as outline from "@lumen/core/authoring/outline-inputs";
import { publishCourse } from "@lumen/core/authoring/publish";
import { getPublishChecklist } from "@lumen/core/authoring/publish-checklist";
import { renameModule } from "@lumen/core/authoring/rename-module";
import { reorderLessons } from "@lumen/core/authoring/reorder-lessons";
import { reorderModules } from "@lumen/core/authoring/reorder-modules";
import { unpublishCourse } from "@lumen/core/authoring/unpublish";
import { updateCourse } from "@lumen/core/authoring/update-course";
import { updateLesson } from "@lumen/core/authoring/update-lesson";
import { instructorProcedure, router } from "../trpc";

/**
 * The course builder. Every procedure needs an instructor or admin; every service checks
 * the caller edits THIS course (see @lumen/core authoring access rules for what refusals say).
 */
export const authoringRouter = router({
  myCourses: instructorProcedure
    .input(course.myCoursesInput)
    .query(({ ctx, input }) => listMyCourses({ db: ctx.db, user: ctx.user, input })),
  createCourse: instructorProcedure
    .input(course.createCourseInput)
    .mutation(({ ctx, input }) => createCourse({ db: ctx.db, user: ctx.user, input })),
  getCourse: instructorProcedure
    .input(course.courseIdInput)
    .query(({ ctx, input }) =>
      getEditableCourse({ db: ctx.db, user: ctx.user, courseId: input.courseId }),
    ),
  updateCourse: instructorProcedure
    .input(course.updateCourseInput)
    .mutation(({ ctx, input }) => updateCourse({ ...ctx, input })),

  addModule: instructorProcedure
    .input(outline.addModuleInput)
    .mutation(({ ctx, input }) => addModule({ ...ctx, input })),
  renameModule: instructorProcedure
    .input(outline.renameModuleInput)
    .mutation(({ ctx, input }) => renameModule({ ...ctx, input })),
  deleteModule: instructorProcedure
    .input(outline.moduleIdInput)
    .mutation(({ ctx, input }) => deleteModule({ ...ctx, input })),
  reorderModules: instructorProcedure
    .input(outline.reorderModulesInput)
    .mutation(({ ctx, input }) => reorderModules({ ...ctx, input })),

  addLesson: instructorProcedure
    .input(outline.addLessonInput)
    .mutation(({ ctx, input }) => addLesson({ ...ctx, input })),
  updateLesson: instructorProcedure
    .input(outline.updateLessonInput)
    .mutation(({ ctx, input }) => updateLesson({ ...ctx, input })),
  deleteLesson: instructorProcedure
    .input(outline.lessonIdInput)
    .mutation(({ ctx, input }) => deleteLesson({ ...ctx, input })),
  reorderLessons: instructorProcedure
    .input(outline.reorderLessonsInput)
    .mutation(({ ctx, input }) => reorderLessons({ ...ctx, input })),
  moveLesson: instructorProcedure
    .input(outline.moveLessonInput)
    .mutation(({ ctx, input }) => moveLesson({ ...ctx, input })),

  publishChecklist: instructorProcedure
    .input(course.courseIdInput)
    .query(({ ctx, input }) =>
      getPublishChecklist({ db: ctx.db, user: ctx.user, courseId: input.courseId }),
    ),
  publish: instructorProcedure
    .input(course.courseIdInput)
    .mutation(({ ctx, input }) => publishCourse({ ...ctx, input })),
  unpublish: instructorProcedure
    .input(course.courseIdInput)
    .mutation(({ ctx, input }) => unpublishCourse({ ...ctx, input })),
});
