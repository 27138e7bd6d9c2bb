import { Trans, useLingui } from "@lingui/react/macro";
import { useRef, useState } from "react";
import { ButtonLink, buttonClass } from "../../../components/ui/Button";
import { FormError, fieldStyles as f } from "../../../components/ui/Field";
import { Notice } from "../../../components/ui/Notice";
import { formatDate } from "../../../lib/format";
import { apiProblems, trpcClient } from "../../../lib/trpc";
import { type EditableCourse, patchCourse } from "../api";
import type { FocusTarget } from "../editor-targets";
import { StatusBadge } from "../StatusBadge";
import teach from "../teach.module.css";
import s from "./editor.module.css";
import o from "./outline.module.css";
import { PublishChecklist } from "./PublishChecklist";
import { useCourseMutation } from "./use-course-mutation";

/**
 * What blocks publishing, each item a way to the field that fixes it; then Publish or
 * Unpublish. The list is the server's (recomputed after every edit), so it never disagrees
 * with what the Publish button will be told.
 */
export function PublishPanel({
  course,
  onFix,
}: {
  course: EditableCourse;
  onFix: (target: FocusTarget) => void;
}) {
  const { t } = useLingui();
  const [message, setMessage] = useState<string | null>(null);
  const [confirmUnpublish, setConfirmUnpublish] = useState(false);
  const statusHeading = useRef<HTMLHeadingElement>(null);
  const afterChange = (text: string) => {
    setMessage(text);
    setConfirmUnpublish(false);
    requestAnimationFrame(() => statusHeading.current?.focus());
  };
  const publish = useCourseMutation(course.id, {
    send: () => trpcClient.authoring.publish.mutate({ courseId: course.id }),
    onSuccess: (result) => {
      patchCourse(course.id, (c) => ({
        ...c,
        status: "published",
        publishedAt: result.publishedAt,
      }));
      afterChange(t`Published. Learners can now find and enroll in this course.`);
    },
  });
  const unpublish = useCourseMutation(course.id, {
    send: () => trpcClient.authoring.unpublish.mutate({ courseId: course.id }),
    onSuccess: () => {
      patchCourse(course.id, (c) => ({ ...c, status: "draft" }));
      afterChange(t`Unpublished. The course is a draft again and no longer listed in the catalog.`);
    },
  });
  const refused = publish.isError ? apiProblems(publish.error) : [];
  const problems = refused.length > 0 ? refused : course.publishProblems;
  const published = course.status === "published";

  return (
    <section aria-labelledby="publish-heading" className={s.publishPanel}>
      <div className={teach.formCard}>
        <h2 id="publish-heading" ref={statusHeading} tabIndex={-1}>
          {published ? <Trans>This course is live</Trans> : <Trans>Publish your course</Trans>}
        </h2>
        <p className={s.publishStatus}>
          <StatusBadge status={course.status} />{" "}
          {published && course.publishedAt ? (
            <Trans>since {formatDate(course.publishedAt)}</Trans>
          ) : (
            <Trans>— only you and co-instructors can see it.</Trans>
          )}
        </p>
        {message && (
          <Notice tone="success" as="p" role="status">
            {message}
          </Notice>
        )}
        {!published && (
          <>
            <PublishChecklist
              problems={problems}
              firstModuleId={course.modules[0]?.id}
              onFix={onFix}
            />
            {publish.isError && <FormError>{publish.error.message}</FormError>}
          </>
        )}
        <div className={f.actions}>
          {!published ? (
            <button
              type="button"
              className={buttonClass({ variant: "primary" })}
              disabled={publish.isPending}
              onClick={() => publish.mutate(undefined)}
            >
              {publish.isPending ? <Trans>Publishing…</Trans> : <Trans>Publish course</Trans>}
            </button>
          ) : confirmUnpublish ? (
            <>
              <span className={o.confirmQuestion}>
                <Trans>New learners won't find it; enrolled learners keep their place.</Trans>
              </span>
              <button
                type="button"
                className={buttonClass({ variant: "danger" })}
                disabled={unpublish.isPending}
                onClick={() => unpublish.mutate(undefined)}
              >
                {unpublish.isPending ? <Trans>Unpublishing…</Trans> : <Trans>Unpublish</Trans>}
              </button>
              <button
                type="button"
                className={buttonClass({ variant: "ghost" })}
                onClick={() => setConfirmUnpublish(false)}
              >
                <Trans>Keep it live</Trans>
              </button>
            </>
          ) : (
            <button
              type="button"
              className={buttonClass({ variant: "secondary" })}
              onClick={() => setConfirmUnpublish(true)}
            >
              <Trans>Unpublish…</Trans>
            </button>
          )}
          <ButtonLink to={`/courses/${course.slug}`} target="_blank" rel="noopener" variant="ghost">
            <Trans>
              Preview as learner<span className="visually-hidden"> (opens in a new tab)</span>
            </Trans>
          </ButtonLink>
        </div>
        {unpublish.isError && <FormError>{unpublish.error.message}</FormError>}
      </div>
    </section>
  );
}
