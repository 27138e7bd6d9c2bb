import { useLingui } from "@lingui/react/macro";
import type { EditableLesson } from "../../api";
import { LessonFlagToggle } from "../LessonFlagToggle";

/** Free preview: anyone may watch this lesson without enrolling. Saved as soon as it changes. */
export function PreviewToggle({ lesson, courseId }: { lesson: EditableLesson; courseId: string }) {
  const { t } = useLingui();
  return (
    <LessonFlagToggle
      lesson={lesson}
      courseId={courseId}
      flag="isPreview"
      label={t`Free preview`}
      hint={t`Anyone can watch this lesson from the course page, without enrolling.`}
    />
  );
}
