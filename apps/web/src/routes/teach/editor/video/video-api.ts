import type { inferOutput } from "@trpc/tanstack-react-query";
import { queryClient, trpc } from "../../../../lib/trpc";
import { refreshCourse } from "../../api";

export type LessonVideo = inferOutput<typeof trpc.video.lessonVideo>;
export type VideoSummary = NonNullable<LessonVideo["latest"]>;
export type VideoStatus = VideoSummary["status"];

/** Processing happens on the job runner: follow it closely while it runs. */
const WORKING: ReadonlySet<VideoStatus> = new Set(["queued", "processing"]);

export function isWorking(status: VideoStatus | undefined): boolean {
  return status !== undefined && WORKING.has(status);
}

/**
 * A lesson's video for its editor, polled while it uploads or processes and left alone once
 * it is ready, failed or cancelled. An upload elsewhere (another tab, after a reload) moves
 * slowly, so it is checked less often.
 */
export const lessonVideoQuery = (lessonId: string) => ({
  ...trpc.video.lessonVideo.queryOptions({ lessonId }),
  staleTime: 0,
  refetchInterval: (query: { state: { data?: LessonVideo | undefined } }) => {
    const status = query.state.data?.latest?.status;
    if (isWorking(status)) return 1_500;
    return status === "uploading" ? 5_000 : false;
  },
});

/** After an upload starts, completes or is cancelled: re-read the video and the outline. */
export async function refreshLessonVideo(lessonId: string, courseId: string) {
  await Promise.all([
    queryClient.invalidateQueries(trpc.video.lessonVideo.queryFilter({ lessonId })),
    refreshCourse(courseId),
  ]);
}
