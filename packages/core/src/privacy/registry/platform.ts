import {
  analyticsActiveDays,
  analyticsActiveWeeks,
  analyticsCourseDays,
  analyticsCourseWeeks,
  analyticsCursors,
  analyticsEnrollments,
  analyticsExports,
  analyticsLessonLearners,
  analyticsLessons,
  analyticsQuizOptions,
  analyticsQuizQuestions,
  analyticsQuizScores,
  analyticsVideoSeconds,
  certificateStatusLists,
  courseSearch,
  courses,
  progressEventIds,
  runnerCapabilities,
  searchBroadCells,
  searchBroadHits,
  searchBroadQueries,
  searchTerms,
  searchVocabulary,
} from "@lumen/db";
import { eq } from "drizzle-orm";
import type { RegistryEntry } from "../types";

const ROLLUP = "a rollup derived from exported source rows, rebuilt by the analytics job";
const REBUILT = "derived data: rebuilt from the source rows once they are erased";
const NO_PERSON = "holds no data about any person";

/** Derived tables (analytics, search), platform bookkeeping, and courses the user teaches. */
export const platformEntries: RegistryEntry[] = [
  {
    table: courses,
    export: {
      area: "teaching",
      // Titles only (decision in docs/privacy.md): the content is the course's, shared with
      // its co-instructors, and its authors reach it in the authoring UI.
      select: (db, userId) =>
        db
          .select({
            id: courses.id,
            slug: courses.slug,
            title: courses.title,
            status: courses.status,
            createdAt: courses.createdAt,
          })
          .from(courses)
          .where(eq(courses.instructorId, userId)),
    },
    erase: {
      keep: "published courses have learners and certificates that need them; the shown instructor is re-pointed to a remaining co-instructor or the tombstone",
    },
  },
  {
    // Ids and client times only, linked to no one: what tells a resent progress event apart.
    table: progressEventIds,
    export: { exempt: "ids of the exported progress events, with nothing else about them" },
    erase: { keep: NO_PERSON },
  },
  { table: analyticsEnrollments, export: { exempt: ROLLUP }, erase: { delete: REBUILT } },
  { table: analyticsLessonLearners, export: { exempt: ROLLUP }, erase: { delete: REBUILT } },
  { table: analyticsLessons, export: { exempt: ROLLUP }, erase: { keep: NO_PERSON } },
  { table: analyticsVideoSeconds, export: { exempt: ROLLUP }, erase: { keep: NO_PERSON } },
  { table: analyticsCourseDays, export: { exempt: ROLLUP }, erase: { keep: NO_PERSON } },
  { table: analyticsCourseWeeks, export: { exempt: ROLLUP }, erase: { keep: NO_PERSON } },
  { table: analyticsActiveDays, export: { exempt: ROLLUP }, erase: { delete: REBUILT } },
  { table: analyticsActiveWeeks, export: { exempt: ROLLUP }, erase: { delete: REBUILT } },
  { table: analyticsQuizQuestions, export: { exempt: ROLLUP }, erase: { keep: NO_PERSON } },
  { table: analyticsQuizScores, export: { exempt: ROLLUP }, erase: { keep: NO_PERSON } },
  { table: analyticsQuizOptions, export: { exempt: ROLLUP }, erase: { keep: NO_PERSON } },
  {
    table: analyticsCursors,
    export: { exempt: "the rollup job's position in its sources" },
    erase: { keep: NO_PERSON },
  },
  {
    table: analyticsExports,
    export: {
      exempt:
        "an audit of instructors' CSV downloads of a course's analytics (learners' data, not the instructor's)",
    },
    erase: { anonymise: ["userId"], reason: "the course keeps its audit trail without the name" },
  },
  {
    table: courseSearch,
    export: { exempt: "the search index of course content" },
    erase: { keep: NO_PERSON },
  },
  { table: searchTerms, export: { exempt: "search vocabulary" }, erase: { keep: NO_PERSON } },
  { table: searchVocabulary, export: { exempt: "search vocabulary" }, erase: { keep: NO_PERSON } },
  {
    table: searchBroadQueries,
    export: { exempt: "anonymous counts of frequent queries, no user" },
    erase: { keep: NO_PERSON },
  },
  {
    table: searchBroadHits,
    export: { exempt: "cached results of frequent queries" },
    erase: { keep: NO_PERSON },
  },
  {
    table: searchBroadCells,
    export: { exempt: "cached facet counts of frequent queries" },
    erase: { keep: NO_PERSON },
  },
  {
    table: certificateStatusLists,
    export: { exempt: "signed revocation bitstrings for all certificates" },
    erase: { keep: "a withdrawn certificate's bit must stay set for verifiers" },
  },
  {
    table: runnerCapabilities,
    export: { exempt: "which job runners can encode or grade" },
    erase: { keep: NO_PERSON },
  },
];
