import { plural, t } from "@lingui/core/macro";
import { Badge, type BadgeTone } from "../../../../components/ui/Badge";
import type { EditableLesson } from "../../api";

type DraftExercise = NonNullable<EditableLesson["exercise"]>;

/**
 * What an exercise lesson still needs, or that it is ready: the publish check at a glance.
 * Called while rendering, so the global `t` reads the active language.
 */
export function exerciseBadge(exercise: DraftExercise | null): { tone: BadgeTone; text: string } {
  if (!exercise || exercise.testCount === 0) return { tone: "neutral", text: t`No tests yet` };
  if (!exercise.hasReference) return { tone: "neutral", text: t`No reference solution` };
  const { check } = exercise;
  if (check?.status !== "graded") return { tone: "info", text: t`Checking solution…` };
  if (!check?.passed) return { tone: "danger", text: t`Reference solution fails` };
  const count = exercise.testCount;
  return { tone: "success", text: t`${plural(count, { one: "# test", other: "# tests" })}` };
}

export function ExerciseBadge({ lesson }: { lesson: EditableLesson }) {
  if (lesson.kind !== "exercise") return null;
  const { tone, text } = exerciseBadge(lesson.exercise);
  return <Badge tone={tone}>{text}</Badge>;
}
