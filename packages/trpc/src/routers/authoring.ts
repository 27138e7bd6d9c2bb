import {
  addLesson,
  addLessonInput,
  addModule,
  addModuleInput,
  courseIdInput,
  createCourse,
  createCourseInput,
  deleteLesson,
  deleteModule,
  getEditableCourse,
  getPublishChecklist,
  lessonIdInput,
  listMyCourses,
  moduleIdInput,
  moveLesson,
  moveLessonInput,
  myCoursesInput,
  publishCourse,
  renameModule,
  renameModuleInput,
  reorderLessons,
  reorderLessonsInput,
  reorderModules,
  reorderModulesInput,
  unpublishCourse,
  updateCourse,
  updateCourseInput,
  updateLesson,
  updateLessonInput,
} from "@lumen/core/authoring";
import { instructorProcedure, router } from "../trpc";

/**
 * The course builder. Every procedure needs an instructor or admin; every service checks
 * the caller edits THIS course (see @lumen/core authoring access rules for what refusals say).
 */
export const authoringRouter = router({
  myCourses: instructorProcedure
    .input(myCoursesInput)
    .query(({ ctx, input }) => listMyCourses({ db: ctx.db, user: ctx.user, input })),
  createCourse: instructorProcedure
    .input(createCourseInput)
    .mutation(({ ctx, input }) => createCourse({ db: ctx.db, user: ctx.user, input })),
  getCourse: instructorProcedure
    .input(courseIdInput)
    .query(({ ctx, input }) =>
      getEditableCourse({ db: ctx.db, user: ctx.user, courseId: input.courseId }),
    ),
  updateCourse: instructorProcedure
    .input(updateCourseInput)
    .mutation(({ ctx, input }) => updateCourse({ ...ctx, input })),

  addModule: instructorProcedure
    .input(addModuleInput)
    .mutation(({ ctx, input }) => addModule({ ...ctx, input })),
  renameModule: instructorProcedure
    .input(renameModuleInput)
    .mutation(({ ctx, input }) => renameModule({ ...ctx, input })),
  deleteModule: instructorProcedure
    .input(moduleIdInput)
    .mutation(({ ctx, input }) => deleteModule({ ...ctx, input })),
  reorderModules: instructorProcedure
    .input(reorderModulesInput)
    .mutation(({ ctx, input }) => reorderModules({ ...ctx, input })),

  addLesson: instructorProcedure
    .input(addLessonInput)
    .mutation(({ ctx, input }) => addLesson({ ...ctx, input })),
  updateLesson: instructorProcedure
    .input(updateLessonInput)
    .mutation(({ ctx, input }) => updateLesson({ ...ctx, input })),
  deleteLesson: instructorProcedure
    .input(lessonIdInput)
    .mutation(({ ctx, input }) => deleteLesson({ ...ctx, input })),
  reorderLessons: instructorProcedure
    .input(reorderLessonsInput)
    .mutation(({ ctx, input }) => reorderLessons({ ...ctx, input })),
  moveLesson: instructorProcedure
    .input(moveLessonInput)
    .mutation(({ ctx, input }) => moveLesson({ ...ctx, input })),

  publishChecklist: instructorProcedure
    .input(courseIdInput)
    .query(({ ctx, input }) =>
      getPublishChecklist({ db: ctx.db, user: ctx.user, courseId: input.courseId }),
    ),
  publish: instructorProcedure
    .input(courseIdInput)
    .mutation(({ ctx, input }) => publishCourse({ ...ctx, input })),
  unpublish: instructorProcedure
    .input(courseIdInput)
    .mutation(({ ctx, input }) => unpublishCourse({ ...ctx, input })),
});
