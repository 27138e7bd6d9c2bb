/**
 * Where the course editor sends the user to fix something: a tab, the element to focus and,
 * for a lesson, which lesson editor to open. Element ids live here so the checklist and the
 * fields agree on them.
 */
export const EDITOR_TABS = ["details", "outline", "publish", "learners"] as const;
export type EditorTab = (typeof EDITOR_TABS)[number];

export interface FocusTarget {
  tab: EditorTab;
  elementId: string;
  openLessonId?: string;
}

export const fieldId = (field: string) => `course-${field}`;
export const NEW_MODULE_INPUT_ID = "new-module-title";
export const addLessonInputId = (moduleId: string) => `add-lesson-title-${moduleId}`;
export const lessonBodyId = (lessonId: string) => `lesson-body-${lessonId}`;
/** An assignment's rubric heading (its prompt is the lesson body, like a text lesson's). */
export const lessonRubricId = (lessonId: string) => `lesson-rubric-${lessonId}`;

const DETAIL_FIELDS = new Set([
  "title",
  "subtitle",
  "description",
  "category",
  "level",
  "language",
  "tags",
  "cover",
]);

export interface ProblemLocation {
  code?: string | undefined;
  field?: string | undefined;
  moduleId?: string | undefined;
  lessonId?: string | undefined;
}

export function problemTarget(problem: ProblemLocation, firstModuleId?: string): FocusTarget {
  if (problem.field && DETAIL_FIELDS.has(problem.field)) {
    return { tab: "details", elementId: fieldId(problem.field) };
  }
  if (problem.lessonId) {
    return {
      tab: "outline",
      elementId:
        problem.code === "assignment_no_rubric"
          ? lessonRubricId(problem.lessonId)
          : lessonBodyId(problem.lessonId),
      openLessonId: problem.lessonId,
    };
  }
  const moduleId = problem.moduleId ?? (problem.field === "lessons" ? firstModuleId : undefined);
  if (moduleId) return { tab: "outline", elementId: addLessonInputId(moduleId) };
  if (problem.field === "modules" || problem.field === "lessons") {
    return { tab: "outline", elementId: NEW_MODULE_INPUT_ID };
  }
  return { tab: "details", elementId: fieldId("title") };
}

export function parseTab(raw: string | null): EditorTab {
  return EDITOR_TABS.find((tab) => tab === raw) ?? "details";
}
