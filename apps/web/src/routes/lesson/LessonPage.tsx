import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link, useParams } from "react-router";
import { ErrorState, LoadingState } from "../../components/states";
import { useSession } from "../../lib/session";
import { apiErrorCode, type CourseDetail, queryClient, trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { EnrollPanel } from "../course/EnrollPanel";
import { NotFoundContent } from "../NotFoundPage";
import { VideoPlayer } from "./player/VideoPlayer";

export const playbackQuery = (lessonId: string) => ({
  ...trpc.video.playback.queryOptions({ lessonId }),
  // Where to resume changes as the learner watches: the answer is dropped when the page
  // closes (below), so only the loader's prefetch of a moment ago is ever reused.
  staleTime: 10_000,
});

/** A lesson's video page: `/courses/:slug/lessons/:lessonId`. */
export function Component() {
  const { slug = "", lessonId = "" } = useParams();
  const course = useQuery(trpc.catalog.bySlug.queryOptions({ slug }));
  const found = course.data && findLesson(course.data, lessonId);
  useDocumentTitle(found ? `${found.lesson.title} — ${course.data.title}` : null);

  if (course.isPending) return <LoadingState label="Loading lesson…" />;
  if (course.isError) {
    const code = apiErrorCode(course.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") {
      return <NotFoundContent title="Course not found" what="course" />;
    }
    return <ErrorState message="We could not load this lesson." onRetry={() => course.refetch()} />;
  }
  if (!found) return <NotFoundContent title="Lesson not found" what="lesson" />;
  return (
    <article className="lesson-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/">Catalog</Link>
          </li>
          <li>
            <Link to={`/courses/${course.data.slug}`}>{course.data.title}</Link>
          </li>
        </ol>
      </nav>
      <h1>{found.lesson.title}</h1>
      <p className="muted lesson-where">
        {found.module.title} · Lesson {found.index + 1} of {found.module.lessons.length}
      </p>
      <LessonVideo course={course.data} lessonId={lessonId} title={found.lesson.title} />
    </article>
  );
}

function LessonVideo({
  course,
  lessonId,
  title,
}: {
  course: CourseDetail;
  lessonId: string;
  title: string;
}) {
  const playback = useQuery(playbackQuery(lessonId));
  const signedIn = Boolean(useSession().data);
  const { refetch } = playback;
  const enrolled = course.enrollment !== null;
  // Enrolling here (the panel below) turns the refusal into a playable video.
  const wasEnrolled = useRef(enrolled);
  useEffect(() => {
    if (enrolled && !wasEnrolled.current) void refetch();
    wasEnrolled.current = enrolled;
  }, [enrolled, refetch]);
  // The next visit must ask for a fresh position, not reuse this one.
  useEffect(
    () => () => queryClient.removeQueries({ queryKey: playbackQuery(lessonId).queryKey }),
    [lessonId],
  );

  if (playback.isPending) {
    return (
      <div className="player-skeleton skeleton" role="status">
        <span className="visually-hidden">Loading the video…</span>
      </div>
    );
  }
  if (playback.isError) {
    const code = apiErrorCode(playback.error);
    if (code === "FORBIDDEN" || code === "UNAUTHORIZED") {
      return (
        <div className="lesson-locked">
          <div className="player-skeleton lesson-locked-frame">
            <p className="lesson-locked-title">Enroll to watch</p>
            <p>This lesson is part of the course. Enroll for free to watch it.</p>
          </div>
          <div className="lesson-locked-panel">
            <EnrollPanel course={course} />
          </div>
        </div>
      );
    }
    if (code === "NOT_FOUND") {
      return (
        <div className="player-skeleton lesson-locked-frame" role="status">
          <p className="lesson-locked-title">
            {(playback.error.message || "This video isn't ready yet").replace(/\.$/, "")}
          </p>
          <p>Check back soon.</p>
        </div>
      );
    }
    return <ErrorState message="We could not load this video." onRetry={() => refetch()} />;
  }
  return (
    <VideoPlayer
      key={playback.data.assetId}
      source={playback.data}
      title={title}
      lessonId={lessonId}
      reportProgress={signedIn}
      renewUrl={async () => (await refetch()).data?.url ?? null}
    />
  );
}

function findLesson(course: CourseDetail, lessonId: string) {
  for (const module of course.modules) {
    const index = module.lessons.findIndex((l) => l.id === lessonId);
    const lesson = module.lessons[index];
    if (lesson) return { module, lesson, index };
  }
  return null;
}
