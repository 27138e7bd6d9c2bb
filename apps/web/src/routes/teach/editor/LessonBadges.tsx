import { Plural, Trans } from "@lingui/react/macro";
import { Badge } from "../../../components/ui/Badge";
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
          {lesson.questionCount ? (
            <Plural value={lesson.questionCount} one="# question" other="# questions" />
          ) : (
            <Trans>No questions yet</Trans>
          )}
        </Badge>
      )}
      {lesson.kind === "pdf" && (
        <Badge tone={lesson.document ? "success" : "neutral"}>
          {lesson.document ? <Trans>PDF added</Trans> : <Trans>No PDF yet</Trans>}
        </Badge>
      )}
      <ExerciseBadge lesson={lesson} />
      {lesson.isOptional && (
        <Badge tone="accent">
          <Trans>Optional</Trans>
        </Badge>
      )}
    </span>
  );
}
