import { moveAt } from "../quiz/quiz-editor-edits";
import {
  type AssignmentDraft,
  type CriterionDraft,
  type EditableAssignment,
  type ExampleDraft,
  type LevelDraft,
  newCriterion,
  newExample,
  newLevel,
  type ScoreDraft,
  toDraft,
} from "./assignment-editor";
import { ASSIGNMENT_LIMITS as L } from "./assignment-editor-validate";

/** Edits of the assignment draft that are more than setting a field. */

type CriterionPatch = Partial<Omit<CriterionDraft, "id" | "levels">>;
type LevelPatch = Partial<Omit<LevelDraft, "id">>;

const mapCriterion = (
  draft: AssignmentDraft,
  id: string,
  edit: (criterion: CriterionDraft) => CriterionDraft,
): AssignmentDraft => ({
  ...draft,
  rubric: draft.rubric.map((c) => (c.id === id ? edit(c) : c)),
});

/** Adds a criterion at the end; unchanged when the rubric is full. */
export function addCriterion(
  draft: AssignmentDraft,
  criterion: CriterionDraft = newCriterion(),
): AssignmentDraft {
  if (draft.rubric.length >= L.criteriaMax) return draft;
  return { ...draft, rubric: [...draft.rubric, criterion] };
}

/** Removes a criterion, and the examples' choices for it. */
export function removeCriterion(draft: AssignmentDraft, id: string): AssignmentDraft {
  return {
    ...draft,
    rubric: draft.rubric.filter((c) => c.id !== id),
    examples: draft.examples.map((e) => {
      const { [id]: _removed, ...scores } = e.scores;
      return { ...e, scores };
    }),
  };
}

export function moveCriterion(draft: AssignmentDraft, index: number, delta: -1 | 1) {
  return { ...draft, rubric: moveAt(draft.rubric, index, delta) };
}

export function updateCriterion(draft: AssignmentDraft, id: string, patch: CriterionPatch) {
  return mapCriterion(draft, id, (c) => ({ ...c, ...patch }));
}

/** Adds a level at the top of a criterion; unchanged when it has the most it can. */
export function addLevel(
  draft: AssignmentDraft,
  criterionId: string,
  level?: LevelDraft,
): AssignmentDraft {
  return mapCriterion(draft, criterionId, (c) =>
    c.levels.length >= L.levelsMax
      ? c
      : { ...c, levels: [...c.levels, level ?? newLevel(c.levels)] },
  );
}

/** Removes a level, and any example's choice of it. */
export function removeLevel(draft: AssignmentDraft, criterionId: string, levelId: string) {
  const next = mapCriterion(draft, criterionId, (c) => ({
    ...c,
    levels: c.levels.filter((l) => l.id !== levelId),
  }));
  return {
    ...next,
    examples: next.examples.map((e) =>
      e.scores[criterionId]?.levelId === levelId
        ? {
            ...e,
            scores: {
              ...e.scores,
              [criterionId]: { levelId: "", comment: e.scores[criterionId]?.comment ?? "" },
            },
          }
        : e,
    ),
  };
}

export function moveLevel(
  draft: AssignmentDraft,
  criterionId: string,
  index: number,
  delta: -1 | 1,
) {
  return mapCriterion(draft, criterionId, (c) => ({
    ...c,
    levels: moveAt(c.levels, index, delta),
  }));
}

export function updateLevel(
  draft: AssignmentDraft,
  criterionId: string,
  levelId: string,
  patch: LevelPatch,
): AssignmentDraft {
  return mapCriterion(draft, criterionId, (c) => ({
    ...c,
    levels: c.levels.map((l) => (l.id === levelId ? { ...l, ...patch } : l)),
  }));
}

export function addExample(draft: AssignmentDraft, example: ExampleDraft = newExample()) {
  if (draft.examples.length >= L.examplesMax) return draft;
  return { ...draft, examples: [...draft.examples, example] };
}

export function removeExample(draft: AssignmentDraft, key: string): AssignmentDraft {
  return { ...draft, examples: draft.examples.filter((e) => e.key !== key) };
}

export function updateExample(
  draft: AssignmentDraft,
  key: string,
  patch: { body?: string; score?: { criterionId: string; value: ScoreDraft } },
): AssignmentDraft {
  return {
    ...draft,
    examples: draft.examples.map((e) => {
      if (e.key !== key) return e;
      const scores = patch.score
        ? { ...e.scores, [patch.score.criterionId]: patch.score.value }
        : e.scores;
      return { ...e, body: patch.body ?? e.body, scores };
    }),
  };
}

/**
 * After a save: the draft as the server stored it (new examples now have ids) and the form's
 * draft to show. Edits made while the save was on its way are kept, given the new ids.
 */
export function applySaved(
  current: AssignmentDraft,
  sent: AssignmentDraft,
  result: EditableAssignment,
): { draft: AssignmentDraft; saved: AssignmentDraft } {
  const saved = toDraft(result, sent.prompt, sent);
  if (JSON.stringify(current) === JSON.stringify(sent)) return { draft: saved, saved };
  const ids = new Map(saved.examples.map((e) => [e.key, e.id]));
  return {
    draft: {
      ...current,
      examples: current.examples.map((e) => ({ ...e, id: e.id ?? ids.get(e.key) })),
    },
    saved,
  };
}
