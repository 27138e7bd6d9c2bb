import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { inferInput, inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../../../../lib/trpc";
import { parseNumber } from "../quiz/quiz-editor";

/**
 * The assignment editor's draft: what the form edits, kept apart from the API's shape.
 * Numbers stay text until saved; dates are the `datetime-local` fields' local text ("" for
 * none); criteria and levels carry their ids from the start (made here, as the API keeps
 * them), so reviews keep pointing at them across saves.
 */
export type EditableAssignment = inferOutput<typeof trpc.assignment.edit>;
export type SaveAssignmentInput = inferInput<typeof trpc.assignment.save>;
export type AssignmentSettings = EditableAssignment["settings"];
export type Fallback = AssignmentSettings["fallback"];

export { parseNumber };

/** Labels and hints are translated where shown (`t(descriptor)`). */
export const FALLBACK_OPTIONS: ReadonlyArray<{
  value: Fallback;
  label: MessageDescriptor;
  hint: MessageDescriptor;
}> = [
  {
    value: "grade_available",
    label: msg`Grade from the reviews it has`,
    hint: msg`A submission with at least one review is graded by the median of those; one with none goes to staff.`,
  },
  {
    value: "staff",
    label: msg`Send it to staff`,
    hint: msg`Every submission still short of reviews waits in your backlog for a staff grade.`,
  },
];

export type WindowUnit = "hours" | "days";
export type LeaseUnit = "minutes" | "hours";

export interface SettingsDraft {
  allowAttachments: boolean;
  reviewsToGive: string;
  reviewsNeeded: string;
  /** `datetime-local` text, "" for none. */
  dueAt: string;
  windowAmount: string;
  windowUnit: WindowUnit;
  reviewsCloseAt: string;
  leaseAmount: string;
  leaseUnit: LeaseUnit;
  fallback: Fallback;
  weightByCalibration: boolean;
  passingPercent: string;
  requiredForCertificate: boolean;
}

export interface LevelDraft {
  id: string;
  label: string;
  description: string;
  points: string;
}

export interface CriterionDraft {
  id: string;
  title: string;
  description: string;
  commentRequired: boolean;
  levels: LevelDraft[];
}

/** The instructor's choice for one criterion of an example (or a staff grade). */
export interface ScoreDraft {
  levelId: string;
  comment: string;
}

export interface ExampleDraft {
  /** Stable for the life of the form (React key, field ids); not sent. */
  key: string;
  /** The server's id; absent until first saved. */
  id: string | undefined;
  body: string;
  /** By criterion id. */
  scores: Record<string, ScoreDraft>;
}

export interface AssignmentDraft {
  /** The lesson's body, in Markdown. */
  prompt: string;
  settings: SettingsDraft;
  rubric: CriterionDraft[];
  examples: ExampleDraft[];
}

export const newId = (): string => crypto.randomUUID();

/** A new level: the next one up, worth a point more than the last. */
export function newLevel(existing: readonly LevelDraft[], makeId = newId): LevelDraft {
  const last = existing[existing.length - 1];
  const points = last ? parseNumber(last.points) + 1 : 0;
  return {
    id: makeId(),
    label: "",
    description: "",
    points: String(Number.isFinite(points) ? points : 0),
  };
}

/** A new criterion with two levels (the fewest a criterion can have), 0 and 1 points. */
export function newCriterion(makeId = newId): CriterionDraft {
  const first = newLevel([], makeId);
  return {
    id: makeId(),
    title: "",
    description: "",
    commentRequired: false,
    levels: [first, newLevel([first], makeId)],
  };
}

export function newExample(makeId = newId): ExampleDraft {
  return { key: makeId(), id: undefined, body: "", scores: {} };
}

const HOURS_PER_DAY = 24;

/** 168 hours → 7 days; 36 hours stays hours. */
export function windowOf(hours: number): { amount: string; unit: WindowUnit } {
  return hours % HOURS_PER_DAY === 0
    ? { amount: String(hours / HOURS_PER_DAY), unit: "days" }
    : { amount: String(hours), unit: "hours" };
}

export function windowHours(amount: string, unit: WindowUnit): number {
  const n = parseNumber(amount);
  return unit === "days" ? n * HOURS_PER_DAY : n;
}

export function leaseOf(minutes: number): { amount: string; unit: LeaseUnit } {
  return minutes % 60 === 0
    ? { amount: String(minutes / 60), unit: "hours" }
    : { amount: String(minutes), unit: "minutes" };
}

export function leaseMinutes(amount: string, unit: LeaseUnit): number {
  const n = parseNumber(amount);
  return unit === "hours" ? Math.round(n * 60) : n;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a `datetime-local` field shows it, in the viewer's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) as an ISO instant; null when empty or unreadable. */
export function fromLocalInput(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function toDraft(
  assignment: EditableAssignment,
  prompt: string,
  previous?: AssignmentDraft,
  makeId = newId,
): AssignmentDraft {
  const s = assignment.settings;
  const window = windowOf(s.reviewWindowHours);
  const lease = leaseOf(s.leaseMinutes);
  return {
    prompt,
    settings: {
      allowAttachments: s.allowAttachments,
      reviewsToGive: String(s.reviewsToGive),
      reviewsNeeded: String(s.reviewsNeeded),
      dueAt: toLocalInput(s.dueAt),
      windowAmount: window.amount,
      windowUnit: window.unit,
      reviewsCloseAt: toLocalInput(s.reviewsCloseAt),
      leaseAmount: lease.amount,
      leaseUnit: lease.unit,
      fallback: s.fallback,
      weightByCalibration: s.weightByCalibration,
      passingPercent: String(s.passingPercent),
      requiredForCertificate: s.requiredForCertificate,
    },
    rubric: assignment.rubric.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      commentRequired: c.commentRequired,
      levels: c.levels.map((l) => ({
        id: l.id,
        label: l.label,
        description: l.description,
        points: String(l.points),
      })),
    })),
    examples: assignment.examples.map((e, index) => ({
      key: previous?.examples[index]?.key ?? makeId(),
      id: e.id,
      body: e.body,
      scores: Object.fromEntries(
        e.scores.map((score) => [
          score.criterionId,
          { levelId: score.levelId, comment: score.comment },
        ]),
      ),
    })),
  };
}

/** A grade as the API takes it: one score per criterion of the rubric, in its order. */
export function scoresInput(
  rubric: ReadonlyArray<{ id: string }>,
  scores: Record<string, ScoreDraft>,
): Array<{ criterionId: string; levelId: string; comment: string }> {
  return rubric.flatMap((c) => {
    const score = scores[c.id];
    return score?.levelId
      ? [{ criterionId: c.id, levelId: score.levelId, comment: score.comment }]
      : [];
  });
}

/** What `assignment.save` takes (the prompt goes to the lesson). Call it on a valid draft. */
export function toSaveInput(lessonId: string, draft: AssignmentDraft): SaveAssignmentInput {
  const { settings } = draft;
  return {
    lessonId,
    settings: {
      allowAttachments: settings.allowAttachments,
      reviewsToGive: parseNumber(settings.reviewsToGive),
      reviewsNeeded: parseNumber(settings.reviewsNeeded),
      dueAt: fromLocalInput(settings.dueAt),
      reviewWindowHours: windowHours(settings.windowAmount, settings.windowUnit),
      reviewsCloseAt: fromLocalInput(settings.reviewsCloseAt),
      leaseMinutes: leaseMinutes(settings.leaseAmount, settings.leaseUnit),
      fallback: settings.fallback,
      weightByCalibration: settings.weightByCalibration,
      passingPercent: parseNumber(settings.passingPercent),
      requiredForCertificate: settings.requiredForCertificate,
    },
    rubric: draft.rubric.map((c) => ({
      id: c.id,
      title: c.title.trim(),
      description: c.description,
      commentRequired: c.commentRequired,
      levels: c.levels.map((l) => ({
        id: l.id,
        label: l.label.trim(),
        description: l.description,
        points: parseNumber(l.points),
      })),
    })),
    examples: draft.examples.map((e) => ({
      ...(e.id ? { id: e.id } : {}),
      body: e.body,
      scores: scoresInput(draft.rubric, e.scores),
    })),
  };
}

/** The most the rubric is worth: each criterion's best level, summed (unreadable points as 0). */
export function rubricMaxPoints(rubric: readonly CriterionDraft[]): number {
  return rubric.reduce(
    (sum, c) => sum + Math.max(0, ...c.levels.map((l) => parseNumber(l.points) || 0)),
    0,
  );
}

/** Field ids, shared by the form (labels, focus) and validation. */
export const assignmentFieldId = (lessonId: string, field: string) =>
  `assignment-${lessonId}-${field}`;
export const criterionFieldId = (id: string, field: string) => `criterion-${id}-${field}`;
export const levelFieldId = (id: string, field: string) => `level-${id}-${field}`;
export const exampleFieldId = (key: string, field: string) => `example-${key}-${field}`;
/** The id prefix of an example's level pickers (see RubricLevelPicker). */
export const examplePickerPrefix = (key: string) => `example-${key}-grade`;
