import {
  assignmentExamples,
  assignments,
  courseInstructors,
  courses,
  exercises,
  exerciseTests,
  lessonDocuments,
  lessons,
  mediaBlobs,
  modules,
  quizQuestions,
  quizzes,
  videoAssets,
  videoCaptions,
  videoRenditions,
} from "@lumen/db";
import { eq } from "drizzle-orm";
import type { RegistryEntry } from "../types";

const COURSE_CONTENT =
  "course content, the course's work shared by its instructors and reached in the authoring UI; the export lists the courses a user teaches (teaching.json)";
const STAYS = "course content outlives its author while the course has learners";
const UPLOADED = `${STAYS}; uploadedBy is now the tombstone`;

/** Course content: exempt from the export (titles are in teaching.json), kept on deletion. */
export const contentEntries: RegistryEntry[] = [
  {
    table: courseInstructors,
    export: {
      area: "teaching",
      select: (db, userId) =>
        db
          .select({
            courseId: courseInstructors.courseId,
            title: courses.title,
            addedAt: courseInstructors.addedAt,
          })
          .from(courseInstructors)
          .innerJoin(courses, eq(courses.id, courseInstructors.courseId))
          .where(eq(courseInstructors.userId, userId)),
    },
    erase: { delete: "a deleted account can edit nothing" },
  },
  { table: modules, export: { exempt: COURSE_CONTENT }, erase: { keep: STAYS } },
  { table: lessons, export: { exempt: COURSE_CONTENT }, erase: { keep: STAYS } },
  { table: quizzes, export: { exempt: COURSE_CONTENT }, erase: { keep: STAYS } },
  { table: quizQuestions, export: { exempt: COURSE_CONTENT }, erase: { keep: STAYS } },
  { table: exercises, export: { exempt: COURSE_CONTENT }, erase: { keep: STAYS } },
  { table: exerciseTests, export: { exempt: COURSE_CONTENT }, erase: { keep: STAYS } },
  { table: assignments, export: { exempt: COURSE_CONTENT }, erase: { keep: STAYS } },
  { table: assignmentExamples, export: { exempt: COURSE_CONTENT }, erase: { keep: STAYS } },
  { table: videoAssets, export: { exempt: COURSE_CONTENT }, erase: { keep: UPLOADED } },
  { table: videoRenditions, export: { exempt: COURSE_CONTENT }, erase: { keep: STAYS } },
  { table: videoCaptions, export: { exempt: COURSE_CONTENT }, erase: { keep: STAYS } },
  { table: lessonDocuments, export: { exempt: COURSE_CONTENT }, erase: { keep: UPLOADED } },
  {
    table: mediaBlobs,
    export: { exempt: "course cover images, content-addressed, not tied to a user" },
    erase: { keep: STAYS },
  },
];
