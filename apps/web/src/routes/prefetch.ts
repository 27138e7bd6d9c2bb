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
  queryClient.prefetchQuery(trpc.catalog.bySlug.queryOptions({ slug })).catch(ignore);
}

/** The course (for the lesson's place in it) and the playback URL, in parallel. */
export function prefetchLesson(slug: string | undefined, lessonId: string | undefined): void {
  if (!slug || !lessonId) return;
  prefetchCourse(slug);
  queryClient.prefetchQuery(trpc.video.playback.queryOptions({ lessonId })).catch(ignore);
}

export function prefetchMyLearning(): void {
  queryClient
    .fetchQuery(sessionQuery)
    .then((user) => user && queryClient.prefetchQuery(trpc.enrollment.mine.queryOptions()))
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

export function prefetchCourseEditor(courseId: string | undefined): void {
  if (!courseId) return;
  whenTeaching(() =>
    queryClient.prefetchQuery(trpc.authoring.getCourse.queryOptions({ courseId })),
  );
}
