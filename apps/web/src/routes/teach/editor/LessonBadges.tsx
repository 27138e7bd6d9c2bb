import { Badge } from "../../../components/ui/Badge";
import { plural } from "../../../lib/format";
import type { EditableLesson } from "../api";
import { ExerciseBadge } from "./exercise/ExerciseBadge";
import o from "./outline.module.css";
import { VideoBadge } from "./video/VideoBadge";

/** A lesson's state at a glance in its outline row: its content, and whether it is optional. */
export function LessonBadges({ lesson }: { lesson: EditableLesson }) {
  return (
    <span className={o.badges} data-testid="lesson-badges">
      <VideoBadge lesson={lesson} />
      {lesson.kind === "quiz" && (
        <Badge tone={lesson.questionCount ? "success" : "neutral"}>
          {lesson.questionCount ? plural(lesson.questionCount, "question") : "No questions yet"}
        </Badge>
      )}
      {lesson.kind === "pdf" && (
        <Badge tone={lesson.document ? "success" : "neutral"}>
          {lesson.document ? "PDF added" : "No PDF yet"}
        </Badge>
      )}
      <ExerciseBadge lesson={lesson} />
      {lesson.isOptional && <Badge tone="accent">Optional</Badge>}
    </span>
  );
}
