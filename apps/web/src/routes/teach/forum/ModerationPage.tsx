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
  const overview = useQuery(trpc.forum.overview.queryOptions({ courseId }));
  useDocumentTitle(overview.data ? `Forum moderation — ${overview.data.course.title}` : null);
  if (overview.isPending) return <LoadingState label="Loading moderation…" />;
  if (overview.isError) {
    const code = apiErrorCode(overview.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST")
      return <NotFoundContent title="Course not found" what="course" />;
    return (
      <ErrorState
        message={
          code === "FORBIDDEN" ? overview.error.message : "We could not load this course's forum."
        }
        onRetry={() => overview.refetch()}
      />
    );
  }
  const { course, viewer } = overview.data;
  if (!viewer.isStaff) {
    return (
      <ErrorState
        title="Moderation is for the course's staff"
        message="Only the course's instructors and admins moderate its forum."
      />
    );
  }
  return (
    <div className={fs.page}>
      <Breadcrumb>
        <li>
          <Link to="/teach">Your courses</Link>
        </li>
        <li>
          <Link to={`/teach/courses/${course.id}`}>{course.title}</Link>
        </li>
      </Breadcrumb>
      <div className={fs.pageHead}>
        <h1>Forum moderation</h1>
        <Link to={forumPath(course.slug)}>Open the forum</Link>
      </div>
      <Reports courseId={course.id} slug={course.slug} />
      <Mutes courseId={course.id} />
      <AuditLog courseId={course.id} slug={course.slug} />
    </div>
  );
}

function Reports({ courseId, slug }: { courseId: string; slug: string }) {
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
        <h2 id="reports-heading">Reports</h2>
        <SelectField
          id="report-status"
          label="Show"
          value={status}
          options={[
            { value: "open", label: "Open reports" },
            { value: "closed", label: "Closed reports" },
          ]}
          onChange={(e) => setStatus(e.target.value === "closed" ? "closed" : "open")}
        />
      </div>
      {reports.isPending ? (
        <LoadingState label="Loading reports…" />
      ) : reports.isError ? (
        <ErrorState message="We could not load the reports." onRetry={() => reports.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={status === "open" ? "No open reports" : "No closed reports"} />
      ) : (
        <ul className={s.list}>
          {items.map((report) => (
            <li
              key={report.id}
              className={s.item}
              aria-label={`Report on a post by ${report.postAuthor?.name ?? "a deleted account"}`}
            >
              <p className={fs.meta}>
                <Link
                  to={`${threadPath(slug, report.threadId)}${report.post.type === "reply" ? `#reply-${report.post.id}` : ""}`}
                >
                  {report.threadTitle}
                </Link>
                <span>
                  {report.post.type === "thread" ? "Thread" : "Reply"} by{" "}
                  {report.postAuthor?.name ?? "a deleted account"}
                </span>
                {report.postHidden && <Badge tone="danger">Hidden</Badge>}
                {report.status !== "open" && (
                  <Badge>{report.status === "resolved" ? "Resolved" : "Dismissed"}</Badge>
                )}
              </p>
              {report.excerpt !== null ? (
                <blockquote className={s.excerpt}>{report.excerpt}</blockquote>
              ) : (
                <p className="muted">[deleted]</p>
              )}
              <p>
                <strong>Reason:</strong> {report.reason}{" "}
                <span className="muted">
                  — {report.reporter?.name ?? "a deleted account"},{" "}
                  {formatRelative(report.createdAt)}
                </span>
              </p>
              <div className={fs.actions}>
                <ModerationButton
                  action={{ kind: "hide", post: report.post, hidden: !report.postHidden }}
                  label={report.postHidden ? "Unhide post" : "Hide post"}
                />
                {report.post.type === "thread" && (
                  <>
                    <ModerationButton
                      action={{ kind: "lock", threadId: report.threadId, locked: true }}
                      label="Lock thread"
                    />
                    <ModerationButton
                      action={{ kind: "pin", threadId: report.threadId, pinned: true }}
                      label="Pin thread"
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
                    label={`Mute ${report.postAuthor.name}`}
                  />
                )}
                {report.status === "open" && (
                  <Button
                    size="small"
                    variant="ghost"
                    disabled={dismiss.isPending}
                    onClick={() => dismiss.mutate({ reportId: report.id })}
                  >
                    Dismiss report
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {dismiss.isError && (
        <p role="alert" className={fs.inlineError}>
          {problemMessage(dismiss.error, "The report was not dismissed.")}
        </p>
      )}
      {reports.hasNextPage && (
        <Button
          className={fs.more}
          onClick={() => reports.fetchNextPage()}
          disabled={reports.isFetchingNextPage}
        >
          Load more reports
        </Button>
      )}
    </section>
  );
}
