import { Trans, useLingui } from "@lingui/react/macro";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Breadcrumb } from "../../../components/Breadcrumb";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/Field";
import { formatRelative } from "../../../lib/relative-time";
import { apiErrorCode, trpc } from "../../../lib/trpc";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { forumPath, threadPath } from "../../forum/api";
import fs from "../../forum/forum.module.css";
import { useInvalidateForum } from "../../forum/PostActions";
import { problemMessage } from "../../forum/problem";
import { ModerationButton } from "../../forum/StaffTools";
import { NotFoundContent } from "../../NotFoundPage";
import { RequireInstructor } from "../RequireInstructor";
import { AuditLog, Mutes } from "./ModerationLists";
import s from "./moderation.module.css";

export function Component() {
  const { courseId = "" } = useParams();
  return (
    <RequireInstructor>
      <Moderation courseId={courseId} />
    </RequireInstructor>
  );
}

/** A course forum's moderation: the report queue, muted members and the audit log. */
function Moderation({ courseId }: { courseId: string }) {
  const { t } = useLingui();
  const overview = useQuery(trpc.forum.overview.queryOptions({ courseId }));
  const courseTitle = overview.data?.course.title;
  useDocumentTitle(courseTitle ? t`Forum moderation — ${courseTitle}` : null);
  if (overview.isPending) return <LoadingState label={t`Loading moderation…`} />;
  if (overview.isError) {
    const code = apiErrorCode(overview.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST")
      return (
        <NotFoundContent
          title={t`Course not found`}
          message={t`We could not find that course. It may have moved or been unpublished.`}
        />
      );
    return (
      <ErrorState
        message={
          code === "FORBIDDEN" ? overview.error.message : t`We could not load this course's forum.`
        }
        onRetry={() => overview.refetch()}
      />
    );
  }
  const { course, viewer } = overview.data;
  if (!viewer.isStaff) {
    return (
      <ErrorState
        title={t`Moderation is for the course's staff`}
        message={t`Only the course's instructors and admins moderate its forum.`}
      />
    );
  }
  return (
    <div className={fs.page}>
      <Breadcrumb>
        <li>
          <Link to="/teach">
            <Trans>Your courses</Trans>
          </Link>
        </li>
        <li>
          <Link to={`/teach/courses/${course.id}`} translate="no">
            {course.title}
          </Link>
        </li>
      </Breadcrumb>
      <div className={fs.pageHead}>
        <h1>
          <Trans>Forum moderation</Trans>
        </h1>
        <Link to={forumPath(course.slug)}>
          <Trans>Open the forum</Trans>
        </Link>
      </div>
      <Reports courseId={course.id} slug={course.slug} />
      <Mutes courseId={course.id} />
      <AuditLog courseId={course.id} slug={course.slug} />
    </div>
  );
}

function Reports({ courseId, slug }: { courseId: string; slug: string }) {
  const { t } = useLingui();
  const [status, setStatus] = useState<"open" | "closed">("open");
  const invalidate = useInvalidateForum();
  const dismiss = useMutation(trpc.forum.dismissReport.mutationOptions({ onSettled: invalidate }));
  const reports = useInfiniteQuery(
    trpc.forum.reports.infiniteQueryOptions(
      { courseId, status, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const items = reports.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="reports-heading" className={s.section}>
      <div className={fs.pageHead}>
        <h2 id="reports-heading">
          <Trans>Reports</Trans>
        </h2>
        <SelectField
          id="report-status"
          label={t`Show`}
          value={status}
          options={[
            { value: "open", label: t`Open reports` },
            { value: "closed", label: t`Closed reports` },
          ]}
          onChange={(e) => setStatus(e.target.value === "closed" ? "closed" : "open")}
        />
      </div>
      {reports.isPending ? (
        <LoadingState label={t`Loading reports…`} />
      ) : reports.isError ? (
        <ErrorState message={t`We could not load the reports.`} onRetry={() => reports.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={status === "open" ? t`No open reports` : t`No closed reports`} />
      ) : (
        <ul className={s.list}>
          {items.map((report) => (
            <li
              key={report.id}
              className={s.item}
              aria-label={
                report.postAuthor
                  ? t`Report on a post by ${report.postAuthor.name}`
                  : t`Report on a post by a deleted account`
              }
            >
              <p className={fs.meta}>
                <Link
                  to={`${threadPath(slug, report.threadId)}${report.post.type === "reply" ? `#reply-${report.post.id}` : ""}`}
                  translate="no"
                >
                  {report.threadTitle}
                </Link>
                <span>
                  <PostBy type={report.post.type} author={report.postAuthor?.name ?? null} />
                </span>
                {report.postHidden && (
                  <Badge tone="danger">
                    <Trans>Hidden</Trans>
                  </Badge>
                )}
                {report.status !== "open" && (
                  <Badge>
                    {report.status === "resolved" ? (
                      <Trans>Resolved</Trans>
                    ) : (
                      <Trans>Dismissed</Trans>
                    )}
                  </Badge>
                )}
              </p>
              {report.excerpt !== null ? (
                <blockquote className={s.excerpt} translate="no">
                  {report.excerpt}
                </blockquote>
              ) : (
                <p className="muted">
                  <Trans>[deleted]</Trans>
                </p>
              )}
              <p>
                <strong>
                  <Trans>Reason:</Trans>
                </strong>{" "}
                <span translate="no">{report.reason}</span>{" "}
                <span className="muted">
                  {report.reporter ? (
                    <Trans>
                      — <span translate="no">{report.reporter.name}</span>,{" "}
                      {formatRelative(report.createdAt)}
                    </Trans>
                  ) : (
                    <Trans>— a deleted account, {formatRelative(report.createdAt)}</Trans>
                  )}
                </span>
              </p>
              <div className={fs.actions}>
                <ModerationButton
                  action={{ kind: "hide", post: report.post, hidden: !report.postHidden }}
                  label={report.postHidden ? t`Unhide post` : t`Hide post`}
                />
                {report.post.type === "thread" && (
                  <>
                    <ModerationButton
                      action={{ kind: "lock", threadId: report.threadId, locked: true }}
                      label={t`Lock thread`}
                    />
                    <ModerationButton
                      action={{ kind: "pin", threadId: report.threadId, pinned: true }}
                      label={t`Pin thread`}
                    />
                  </>
                )}
                {report.postAuthor && (
                  <ModerationButton
                    action={{
                      kind: "mute",
                      courseId,
                      userId: report.postAuthor.id,
                      name: report.postAuthor.name,
                    }}
                    label={t`Mute ${report.postAuthor.name}`}
                  />
                )}
                {report.status === "open" && (
                  <Button
                    size="small"
                    variant="ghost"
                    disabled={dismiss.isPending}
                    onClick={() => dismiss.mutate({ reportId: report.id })}
                  >
                    <Trans>Dismiss report</Trans>
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {dismiss.isError && (
        <p role="alert" className={fs.inlineError}>
          {problemMessage(dismiss.error, t`The report was not dismissed.`)}
        </p>
      )}
      {reports.hasNextPage && (
        <Button
          className={fs.more}
          onClick={() => reports.fetchNextPage()}
          disabled={reports.isFetchingNextPage}
        >
          <Trans>Load more reports</Trans>
        </Button>
      )}
    </section>
  );
}

/** "Thread by Ada" / "Reply by a deleted account": one sentence per case, for translators. */
function PostBy({ type, author }: { type: "thread" | "reply"; author: string | null }) {
  if (author === null)
    return type === "thread" ? (
      <Trans>Thread by a deleted account</Trans>
    ) : (
      <Trans>Reply by a deleted account</Trans>
    );
  const name = <span translate="no">{author}</span>;
  return type === "thread" ? <Trans>Thread by {name}</Trans> : <Trans>Reply by {name}</Trans>;
}
