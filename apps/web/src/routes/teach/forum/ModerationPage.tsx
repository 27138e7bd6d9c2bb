import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Breadcrumb } from "../../../components/Breadcrumb";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/Field";
import { formatDate } from "../../../lib/format";
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

function Mutes({ courseId }: { courseId: string }) {
  const mutes = useQuery({ ...trpc.forum.mutes.queryOptions({ courseId }), staleTime: 0 });
  const invalidate = useInvalidateForum();
  const unmute = useMutation(trpc.forum.unmute.mutationOptions({ onSettled: invalidate }));
  return (
    <section aria-labelledby="mutes-heading" className={s.section}>
      <h2 id="mutes-heading">Muted members</h2>
      {mutes.isPending ? (
        <LoadingState label="Loading muted members…" />
      ) : mutes.isError ? (
        <ErrorState
          message="We could not load the muted members."
          onRetry={() => mutes.refetch()}
        />
      ) : mutes.data.length === 0 ? (
        <p className="muted">Nobody is muted in this course.</p>
      ) : (
        <ul className={s.list}>
          {mutes.data.map((mute) => (
            <li key={mute.user.id} className={s.item}>
              <p>
                <strong>{mute.user.name}</strong> — {mute.reason}
                <span className="muted">
                  {mute.until ? ` (until ${formatDate(mute.until)})` : " (until unmuted)"}
                </span>
              </p>
              <Button
                size="small"
                onClick={() => unmute.mutate({ courseId, userId: mute.user.id })}
                disabled={unmute.isPending}
              >
                Unmute {mute.user.name}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {unmute.isError && (
        <p role="alert" className={fs.inlineError}>
          {problemMessage(unmute.error, "The member was not unmuted.")}
        </p>
      )}
    </section>
  );
}

const ACTION_LABELS: Record<string, string> = {
  hide: "Hid a post",
  unhide: "Unhid a post",
  lock: "Locked a thread",
  unlock: "Unlocked a thread",
  pin: "Pinned a thread",
  unpin: "Unpinned a thread",
  mute: "Muted",
  unmute: "Unmuted",
  dismiss_report: "Dismissed a report",
};

function AuditLog({ courseId, slug }: { courseId: string; slug: string }) {
  const log = useInfiniteQuery(
    trpc.forum.moderationLog.infiniteQueryOptions(
      { courseId, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="log-heading" className={s.section}>
      <h2 id="log-heading">Moderation log</h2>
      {log.isPending ? (
        <LoadingState label="Loading the log…" />
      ) : log.isError ? (
        <ErrorState message="We could not load the log." onRetry={() => log.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">No moderation yet.</p>
      ) : (
        <table className={s.table}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.createdAt}>{formatRelative(entry.createdAt)}</time>
                </td>
                <td>{entry.actor?.name ?? "Deleted account"}</td>
                <td>
                  {ACTION_LABELS[entry.action] ?? entry.action}
                  {entry.targetUser && ` ${entry.targetUser.name}`}
                  {entry.threadId && (
                    <>
                      {" "}
                      (
                      <Link
                        to={`${threadPath(slug, entry.threadId)}${entry.replyId ? `#reply-${entry.replyId}` : ""}`}
                      >
                        thread
                      </Link>
                      )
                    </>
                  )}
                </td>
                <td>{entry.reason || <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <Button
          className={fs.more}
          onClick={() => log.fetchNextPage()}
          disabled={log.isFetchingNextPage}
        >
          Load more entries
        </Button>
      )}
    </section>
  );
}
