import { Badge, type BadgeTone } from "../../../../components/ui/Badge";
import { plural } from "../../../../lib/format";
import type { EditableLesson } from "../../api";

type DraftExercise = NonNullable<EditableLesson["exercise"]>;

/** What an exercise lesson still needs, or that it is ready: the publish check at a glance. */
export function exerciseBadge(exercise: DraftExercise | null): { tone: BadgeTone; text: string } {
  if (!exercise || exercise.testCount === 0) return { tone: "neutral", text: "No tests yet" };
  if (!exercise.hasReference) return { tone: "neutral", text: "No reference solution" };
  const { check } = exercise;
  if (check?.status !== "graded") return { tone: "info", text: "Checking solution…" };
  if (!check?.passed) return { tone: "danger", text: "Reference solution fails" };
  return { tone: "success", text: plural(exercise.testCount, "test") };
}

export function ExerciseBadge({ lesson }: { lesson: EditableLesson }) {
  if (lesson.kind !== "exercise") return null;
  const { tone, text } = exerciseBadge(lesson.exercise);
  return <Badge tone={tone}>{text}</Badge>;
}
