import { Trans } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { ButtonLink } from "../../components/ui/Button";
import { trpc } from "../../lib/trpc";
import { askPath } from "./api";
import s from "./forum.module.css";
import { ThreadList } from "./ThreadList";

/** Under a lesson: its forum threads and "Ask about this lesson" (members of the course only). */
export function LessonThreads({ slug, lessonId }: { slug: string; lessonId: string }) {
  const threads = useQuery(trpc.forum.lessonThreads.queryOptions({ lessonId, limit: 10 }));
  // Not a member (the forum refuses): the lesson shows no forum part at all.
  if (threads.isError) return null;
  return (
    <section aria-labelledby="lesson-threads-heading" className={s.lessonThreads}>
      <div className={s.pageHead}>
        <h2 id="lesson-threads-heading">
          <Trans>Questions and discussions</Trans>
        </h2>
        <ButtonLink to={askPath(slug, lessonId)} variant="secondary">
          <Trans>Ask about this lesson</Trans>
        </ButtonLink>
      </div>
      {threads.isPending ? (
        <p className="muted" role="status">
          <Trans>Loading threads…</Trans>
        </p>
      ) : threads.data.items.length === 0 ? (
        <p className="muted">
          <Trans>No threads about this lesson yet.</Trans>
        </p>
      ) : (
        <ThreadList slug={slug} threads={threads.data.items} />
      )}
    </section>
  );
}
