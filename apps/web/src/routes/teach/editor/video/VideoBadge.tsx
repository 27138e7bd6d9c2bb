import type { EditableLesson } from "../../api";
import { videoBadgeText } from "./video-status-text";

/** A video lesson's state at a glance in the outline row ("Processing 45 %", "Ready"). */
export function VideoBadge({ lesson }: { lesson: EditableLesson }) {
  if (lesson.kind !== "video") return null;
  const { video } = lesson;
  const text = videoBadgeText(video);
  const tone = video?.status === "ready" ? "ok" : video?.status === "failed" ? "bad" : "wait";
  return (
    <>
      <span className={`video-badge is-${tone}`}>{text}</span>
      {lesson.isPreview && <span className="video-badge is-preview">Free preview</span>}
    </>
  );
}
