/** The public catalog: search over published courses and one course's page with its outline. */
export { type CourseOutline, getCourseBySlug } from "./get-course";
export { indexCourseInCatalog } from "./index-course";
export { searchCatalog } from "./search-catalog";
