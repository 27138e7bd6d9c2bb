import { t } from "@lingui/core/macro";
import { levelOptionLabel } from "../../../components/rubric/rubric-picker";
import type { LearnerAssignment } from "./assignment-view";

export type Rubric = LearnerAssignment["rubric"];
export type Criterion = Rubric[number];
export type RubricScore = NonNullable<LearnerAssignment["grade"]>["scores"][number];

/** One criterion as the reviewer is filling it in. */
export interface ScoreDraft {
  levelId: string | null;
  comment: string;
}

/**
 * A grade by rubric being written: for a peer's submission (`forId` is its submissionId) or a
 * calibration example (its exampleId). The id says whether a draft still belongs to what is
 * on screen: a review kept across an expired lease is reused only for the same submission.
 */
export interface ScoresForm {
  forId: string;
  scores: Record<string, ScoreDraft>;
}

/** Messages keyed as the server keys them: `scores.<criterionId>`, and `scores` for the form. */
export type ScoreErrors = Record<string, string>;

export function emptyScores(forId: string): ScoresForm {
  return { forId, scores: {} };
}

export function draftOf(form: ScoresForm, criterionId: string): ScoreDraft {
  return form.scores[criterionId] ?? { levelId: null, comment: "" };
}

export function chooseLevel(form: ScoresForm, criterionId: string, levelId: string): ScoresForm {
  const draft = draftOf(form, criterionId);
  return { ...form, scores: { ...form.scores, [criterionId]: { ...draft, levelId } } };
}

export function writeComment(form: ScoresForm, criterionId: string, comment: string): ScoresForm {
  const draft = draftOf(form, criterionId);
  return { ...form, scores: { ...form.scores, [criterionId]: { ...draft, comment } } };
}

/**
 * The form for a newly leased submission: what the reviewer had written when it is the same
 * submission again (their lease expired and "Review next" handed it back), else a blank one.
 */
export function formForLease(previous: ScoresForm | null, submissionId: string): ScoresForm {
  return previous && previous.forId === submissionId ? previous : emptyScores(submissionId);
}

/**
 * The same checks the server makes, with the same words, so most mistakes never leave. Run as
 * the reviewer sends: the words are in the language active then.
 */
export function validateScores(rubric: Rubric, form: ScoresForm): ScoreErrors {
  const errors: ScoreErrors = {};
  for (const criterion of rubric) {
    const draft = draftOf(form, criterion.id);
    const known = criterion.levels.some((l) => l.id === draft.levelId);
    const { title } = criterion;
    if (!known) errors[`scores.${criterion.id}`] = t`Choose a level for “${title}”.`;
    else if (criterion.commentRequired && !draft.comment.trim()) {
      errors[`scores.${criterion.id}`] = t`Explain your choice for “${title}”.`;
    }
  }
  return errors;
}

/** What `assignment.review` / `assignment.calibrate` take: one level per criterion. */
export function scoresInput(rubric: Rubric, form: ScoresForm) {
  return rubric.flatMap((criterion) => {
    const draft = draftOf(form, criterion.id);
    return draft.levelId === null
      ? []
      : [{ criterionId: criterion.id, levelId: draft.levelId, comment: draft.comment }];
  });
}

/** The criterion whose error comes first in the rubric's order (focus goes there). */
export function firstErrorCriterion(rubric: Rubric, errors: ScoreErrors): string | null {
  return rubric.find((c) => errors[`scores.${c.id}`] !== undefined)?.id ?? null;
}

/** "Good — 3 points": a level as its radio is named (the shared picker's words). */
export const levelName = levelOptionLabel;

/** The level a score chose, by the rubric's words (a level renamed since still shows). */
export function levelOf(criterion: Criterion, score: RubricScore | undefined) {
  if (!score) return null;
  return criterion.levels.find((l) => l.id === score.levelId) ?? null;
}

/**
 * The server's refusal of a review on an expired lease (a CONFLICT with its LEASE_EXPIRED
 * text): nothing was recorded and the form must keep what the reviewer wrote.
 */
export function isLeaseExpired(code: string | null, message: string): boolean {
  return code === "CONFLICT" && message.startsWith("Your time to review this submission ran out");
}
