import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { Breadcrumb } from "../../components/Breadcrumb";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { Button } from "../../components/ui/Button";
import { SelectField } from "../../components/ui/Field";
import { Notice } from "../../components/ui/Notice";
import { formatDate } from "../../lib/format";
import { apiErrorCode, trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { NotFoundContent } from "../NotFoundPage";
import type { ForumOverview, ThreadKind, ThreadSort, ThreadSummary } from "./api";
import s from "./forum.module.css";
import { NewThreadForm } from "./NewThreadForm";
import { ThreadList } from "./ThreadList";

const SORTS: Array<{ value: ThreadSort; label: MessageDescriptor }> = [
  { value: "new", label: msg`Newest` },
  { value: "active", label: msg`Recently active` },
  { value: "top", label: msg`Top voted` },
  { value: "unanswered", label: msg`Unanswered` },
];
const PAGE_SIZE = 20;

/** A course's forum: `/courses/:slug/forum` (`?sort=&kind=&q=`, `?new=question&lesson=`). */
export function Component() {
  const { t } = useLingui();
  const { slug = "" } = useParams();
  const course = useQuery(trpc.catalog.bySlug.queryOptions({ slug }));
  const courseId = course.data?.id ?? "";
  const overview = useQuery({
    ...trpc.forum.overview.queryOptions({ courseId }),
    enabled: !!courseId,
  });
  const courseTitle = course.data?.title;
  useDocumentTitle(courseTitle ? t`Forum — ${courseTitle}` : null);
  if (course.isPending || (courseId && overview.isPending))
    return <LoadingState label={t`Loading forum…`} />;
  if (course.isError) {
    if (apiErrorCode(course.error) === "NOT_FOUND")
      return (
        <NotFoundContent
          title={t`Course not found`}
          message={t`We could not find that course. It may have moved or been unpublished.`}
        />
      );
    return (
      <ErrorState message={t`We could not load this forum.`} onRetry={() => course.refetch()} />
    );
  }
  if (overview.isError) {
    const code = apiErrorCode(overview.error);
    if (code === "FORBIDDEN" || code === "UNAUTHORIZED") {
      return (
        <div className={s.page}>
          <h1>
            <Trans>
              Forum — <span translate="no">{courseTitle}</span>
            </Trans>
          </h1>
          <Notice tone="info">
            {code === "UNAUTHORIZED" ? (
              <Trans>
                <Link to={`/sign-in?next=/courses/${slug}/forum`}>Sign in</Link> to read this
                course's forum.
              </Trans>
            ) : (
              <>
                {overview.error.message}{" "}
                <Link to={`/courses/${slug}`}>
                  <Trans>Go to the course</Trans>
                </Link>
              </>
            )}
          </Notice>
        </div>
      );
    }
    return (
      <ErrorState message={t`We could not load this forum.`} onRetry={() => overview.refetch()} />
    );
  }
  if (!overview.data) return <LoadingState label={t`Loading forum…`} />;
  return <Forum overview={overview.data} />;
}

function Forum({ overview }: { overview: ForumOverview }) {
  const { t, i18n } = useLingui();
  const [params, setParams] = useSearchParams();
  const sort = (SORTS.find((o) => o.value === params.get("sort"))?.value ?? "new") as ThreadSort;
  const kindParam = params.get("kind");
  const kind: ThreadKind | undefined =
    kindParam === "question" || kindParam === "discussion" ? kindParam : undefined;
  const query = params.get("q") ?? "";
  const newKind = params.get("new");
  const [draft, setDraft] = useState(query);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() || null });
  };
  const { course, viewer } = overview;
  return (
    <div className={s.page}>
      <Breadcrumb>
        <li>
          <Link to="/">
            <Trans>Catalog</Trans>
          </Link>
        </li>
        <li>
          <Link to={`/courses/${course.slug}`} translate="no">
            {course.title}
          </Link>
        </li>
      </Breadcrumb>
      <div className={s.pageHead}>
        <h1>
          <Trans>Forum</Trans>
        </h1>
        {!newKind && !viewer.muted && (
          <Button variant="primary" onClick={() => update({ new: "discussion" })}>
            <Trans>New thread</Trans>
          </Button>
        )}
      </div>
      {viewer.muted && (
        <Notice tone="warning">
          {viewer.muted.until ? (
            <Trans>
              You cannot post in this course's forum until {formatDate(viewer.muted.until)}:{" "}
              <span translate="no">{viewer.muted.reason}</span>
            </Trans>
          ) : (
            <Trans>
              You cannot post in this course's forum:{" "}
              <span translate="no">{viewer.muted.reason}</span>
            </Trans>
          )}
        </Notice>
      )}
      {newKind && !viewer.muted && (
        <NewThreadForm
          overview={overview}
          initialKind={newKind === "question" ? "question" : "discussion"}
          initialLessonId={params.get("lesson") ?? ""}
          onCancel={() => update({ new: null, lesson: null })}
        />
      )}
      <search>
        <form className={s.searchForm} onSubmit={onSearch}>
          <label htmlFor="forum-search">
            <Trans>Search this forum</Trans>
          </label>
          <input
            id="forum-search"
            type="search"
            value={draft}
            maxLength={200}
            onChange={(e) => setDraft(e.target.value)}
          />
          <Button type="submit">
            <Trans>Search</Trans>
          </Button>
          {query && (
            <Button
              variant="ghost"
              onClick={() => {
                setDraft("");
                update({ q: null });
              }}
            >
              <Trans>Clear search</Trans>
            </Button>
          )}
        </form>
      </search>
      {query ? (
        <SearchResults courseId={course.id} slug={course.slug} query={query} />
      ) : (
        <>
          <div className={s.filters}>
            <SelectField
              id="forum-sort"
              label={t`Sort`}
              value={sort}
              options={SORTS.map((o) => ({ value: o.value, label: i18n._(o.label) }))}
              onChange={(e) => update({ sort: e.target.value === "new" ? null : e.target.value })}
            />
            <SelectField
              id="forum-kind"
              label={t`Kind`}
              value={kind ?? ""}
              placeholder={t`All threads`}
              options={[
                { value: "question", label: t`Questions` },
                { value: "discussion", label: t`Discussions` },
              ]}
              onChange={(e) => update({ kind: e.target.value || null })}
            />
          </div>
          <Threads courseId={course.id} slug={course.slug} sort={sort} kind={kind} />
        </>
      )}
    </div>
  );
}

function Threads({
  courseId,
  slug,
  sort,
  kind,
}: {
  courseId: string;
  slug: string;
  sort: ThreadSort;
  kind: ThreadKind | undefined;
}) {
  const { t } = useLingui();
  const list = useInfiniteQuery(
    trpc.forum.threads.infiniteQueryOptions(
      { courseId, sort, ...(kind ? { kind } : {}), limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  return (
    <Paged
      list={list}
      slug={slug}
      empty={t`No threads yet`}
      emptyText={t`Start the first one: ask a question or open a discussion.`}
    />
  );
}

function SearchResults({
  courseId,
  slug,
  query,
}: {
  courseId: string;
  slug: string;
  query: string;
}) {
  const { t } = useLingui();
  const list = useInfiniteQuery(
    trpc.forum.search.infiniteQueryOptions(
      { courseId, query, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  return (
    <Paged
      list={list}
      slug={slug}
      empty={t`No threads match “${query}”`}
      emptyText={t`Try other words.`}
    />
  );
}

/** What the list needs of an infinite thread query (the list's or the search's). */
interface ThreadsQuery {
  isPending: boolean;
  isError: boolean;
  data: { pages: Array<{ items: ThreadSummary[] }> } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

function Paged({
  list,
  slug,
  empty,
  emptyText,
}: {
  list: ThreadsQuery;
  slug: string;
  empty: string;
  emptyText: string;
}) {
  const { t } = useLingui();
  if (list.isPending) return <LoadingState label={t`Loading threads…`} />;
  if (list.isError)
    return (
      <ErrorState message={t`We could not load the threads.`} onRetry={() => list.refetch()} />
    );
  const threads = list.data?.pages.flatMap((page) => page.items) ?? [];
  if (threads.length === 0) {
    return (
      <EmptyState title={empty}>
        <p>{emptyText}</p>
      </EmptyState>
    );
  }
  return (
    <section aria-label={t`Threads`}>
      <ThreadList slug={slug} threads={threads} />
      {list.hasNextPage && (
        <Button
          className={s.more}
          onClick={() => list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? (
            <Trans>Loading more…</Trans>
          ) : (
            <Trans>Load more threads</Trans>
          )}
        </Button>
      )}
    </section>
  );
}
