import { Trans } from "@lingui/react/macro";
import { Badge } from "../../../../components/ui/Badge";
import type { EditableLesson } from "../../api";
import { videoBadgeText } from "./video-status-text";

/** A video lesson's state at a glance in the outline row ("Processing 45 %", "Ready"). */
export function VideoBadge({ lesson }: { lesson: EditableLesson }) {
  if (lesson.kind !== "video") return null;
  const { video } = lesson;
  const text = videoBadgeText(video);
  const tone =
    video?.status === "ready" ? "success" : video?.status === "failed" ? "danger" : "neutral";
  return (
    <>
      <Badge tone={tone}>{text}</Badge>
      {lesson.isPreview && (
        <Badge tone="info">
          <Trans>Free preview</Trans>
        </Badge>
      )}
    </>
  );
}
