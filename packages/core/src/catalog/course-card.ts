/** The catalog card lives with search (every backend returns it); re-exported for services here. */
export { type CourseCard, courseCardColumns, toCourseCard } from "@lumen/search";
