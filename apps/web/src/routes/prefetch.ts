import { sessionQuery } from "../lib/auth";
import { parseCatalogSearch, toListInput } from "../lib/catalog-url";
import { canTeach } from "../lib/navigation";
import { queryClient, trpc } from "../lib/trpc";

// Fire-and-forget: pages read the same queries with useQuery and show their own loading and
// error states, so a failed prefetch is simply retried there.
const ignore = () => {};

export function prefetchCatalog(url: URL): void {
  const search = parseCatalogSearch(url.searchParams);
  queryClient.prefetchQuery(trpc.catalog.list.queryOptions(toListInput(search))).catch(ignore);
}

export function prefetchCourse(slug: string | undefined): void {
  if (!slug) return;
  // The course, then an enrolled learner's progress in it (the course page shows both).
  prefetchResume(slug);
}

/**
 * A lesson's page: the course (for the outline), the learner's progress, and what the lesson's
 * kind needs. With the course already cached (the usual way in, from the course page or the
 * previous lesson) all of it starts at once; on a cold load the playback URL goes out beside
 * the course (most lessons are videos, and the first frame should not wait for a round trip).
 */
export function prefetchLesson(slug: string | undefined, lessonId: string | undefined): void {
  if (!slug || !lessonId) return;
  const courseOptions = trpc.catalog.bySlug.queryOptions({ slug });
  const cached = queryClient.getQueryData(courseOptions.queryKey);
  if (!cached) {
    queryClient.prefetchQuery(trpc.video.playback.queryOptions({ lessonId })).catch(ignore);
  }
  queryClient
    .fetchQuery(courseOptions)
    .then((course) => {
      const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId);
      if (course.enrollment) {
        queryClient
          .prefetchQuery(trpc.progress.course.queryOptions({ courseId: course.id }))
          .catch(ignore);
      }
      if (!lesson) return;
      if (lesson.kind === "video") {
        if (cached) {
          queryClient.prefetchQuery(trpc.video.playback.queryOptions({ lessonId })).catch(ignore);
        }
      } else if (lesson.kind === "quiz") {
        if (course.enrollment) {
          queryClient.prefetchQuery(trpc.quiz.take.queryOptions({ lessonId })).catch(ignore);
        }
      } else {
        queryClient.prefetchQuery(trpc.learning.lesson.queryOptions({ lessonId })).catch(ignore);
      }
    })
    .catch(ignore);
}

/** `/courses/:slug/learn`: the course, then (enrolled) where to resume. */
export function prefetchResume(slug: string | undefined): void {
  if (!slug) return;
  queryClient
    .fetchQuery(trpc.catalog.bySlug.queryOptions({ slug }))
    .then(
      (course) =>
        course.enrollment &&
        queryClient.prefetchQuery(trpc.progress.course.queryOptions({ courseId: course.id })),
    )
    .catch(ignore);
}

export function prefetchMyLearning(): void {
  queryClient
    .fetchQuery(sessionQuery)
    .then(
      (user) =>
        user &&
        Promise.all([
          queryClient.prefetchQuery(trpc.progress.mine.queryOptions()),
          queryClient.prefetchQuery(trpc.certificates.mine.queryOptions()),
          queryClient.prefetchQuery(trpc.enrollment.mine.queryOptions()),
        ]),
    )
    .catch(ignore);
}

/** Authoring data only for those who may author: a learner would just get a 403. */
function whenTeaching(then: () => Promise<unknown>): void {
  queryClient
    .fetchQuery(sessionQuery)
    .then((user) => user && canTeach(user.role) && then())
    .catch(ignore);
}

/** The authoring list's page, as `/teach?page=` says. */
export function myCoursesInput(params: URLSearchParams) {
  const page = Number(params.get("page"));
  return { page: Number.isInteger(page) && page > 1 ? page : 1, pageSize: 20 };
}

export function prefetchTeach(url: URL): void {
  const input = myCoursesInput(url.searchParams);
  whenTeaching(() => queryClient.prefetchQuery(trpc.authoring.myCourses.queryOptions(input)));
}

/** An assignment's reviews backlog: the course (titles, breadcrumb) and the backlog itself. */
export function prefetchAssignmentBacklog(
  courseId: string | undefined,
  lessonId: string | undefined,
): void {
  if (!courseId || !lessonId) return;
  prefetchCourseEditor(courseId);
  whenTeaching(() => queryClient.prefetchQuery(trpc.assignment.backlog.queryOptions({ lessonId })));
}

export function prefetchCourseEditor(courseId: string | undefined): void {
  if (!courseId) return;
  whenTeaching(() =>
    queryClient.prefetchQuery(trpc.authoring.getCourse.queryOptions({ courseId })),
  );
}
