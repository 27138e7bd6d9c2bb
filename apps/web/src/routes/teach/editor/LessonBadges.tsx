import { plural } from "../../../lib/format";
import type { EditableLesson } from "../api";
import { VideoBadge } from "./video/VideoBadge";

/** A lesson's state at a glance in its outline row: its content, and whether it is optional. */
export function LessonBadges({ lesson }: { lesson: EditableLesson }) {
  return (
    <>
      <VideoBadge lesson={lesson} />
      {lesson.kind === "quiz" && (
        <span className={`video-badge ${lesson.questionCount ? "is-ok" : "is-wait"}`}>
          {lesson.questionCount ? plural(lesson.questionCount, "question") : "No questions yet"}
        </span>
      )}
      {lesson.kind === "pdf" && (
        <span className={`video-badge ${lesson.document ? "is-ok" : "is-wait"}`}>
          {lesson.document ? "PDF added" : "No PDF yet"}
        </span>
      )}
      {lesson.isOptional && <span className="video-badge is-optional">Optional</span>}
    </>
  );
}
