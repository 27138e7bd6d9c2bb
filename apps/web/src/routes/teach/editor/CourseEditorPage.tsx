import { Trans, useLingui } from "@lingui/react/macro";
import { useIsMutating, useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { Breadcrumb } from "../../../components/Breadcrumb";
import { ErrorState, LoadingState } from "../../../components/states";
import { Badge } from "../../../components/ui/Badge";
import { ButtonLink } from "../../../components/ui/Button";
import { TabPanel, Tabs } from "../../../components/ui/Tabs";
import { apiErrorCode } from "../../../lib/trpc";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { NotFoundContent } from "../../NotFoundPage";
import { analyticsPath } from "../analytics/analytics-view";
import { courseMutationKey, courseQuery, type EditableCourse } from "../api";
import { type EditorTab, type FocusTarget, parseTab } from "../editor-targets";
import { RequireInstructor } from "../RequireInstructor";
import { StatusBadge } from "../StatusBadge";
import { DetailsPanel } from "./DetailsPanel";
import s from "./editor.module.css";
import { LearnersPanel } from "./learners/LearnersPanel";
import { OutlinePanel } from "./OutlinePanel";
import { PublishPanel } from "./PublishPanel";
import { useFocusRequest } from "./use-focus-request";
import { DirtyProvider, useDirtyForms } from "./use-unsaved-changes-guard";

export function Component() {
  const { courseId = "" } = useParams();
  return (
    <RequireInstructor>
      <Editor courseId={courseId} />
    </RequireInstructor>
  );
}

function Editor({ courseId }: { courseId: string }) {
  const { t } = useLingui();
  const course = useQuery(courseQuery(courseId));
  const title = course.data?.title;
  useDocumentTitle(title !== undefined ? t`Edit: ${title}` : t`Edit course`);
  if (course.isPending) return <LoadingState label={t`Loading the course…`} />;
  if (course.isError) {
    const code = apiErrorCode(course.error);
    if (code === "NOT_FOUND" || code === "FORBIDDEN" || code === "BAD_REQUEST") {
      return (
        <NotFoundContent
          title={t`Course not found`}
          message={t`We could not find that course you can edit. It may have moved or been unpublished.`}
        />
      );
    }
    return (
      <ErrorState message={t`We could not load this course.`} onRetry={() => course.refetch()} />
    );
  }
  return <EditorView course={course.data} />;
}

function EditorView({ course }: { course: EditableCourse }) {
  const { t } = useLingui();
  const [params, setParams] = useSearchParams();
  // Learners exist once the course has been published (they stay if it is unpublished later).
  const hasLearners = course.publishedAt !== null;
  const requested = parseTab(params.get("tab"));
  const tab = requested === "learners" && !hasLearners ? "details" : requested;
  const [openLessonId, setOpenLessonId] = useState<string | null>(null);
  const focus = useFocusRequest();
  const reportDirty = useDirtyForms();
  const selectTab = (next: EditorTab) =>
    setParams(next === "details" ? {} : { tab: next }, { replace: true, preventScrollReset: true });
  const goTo = (target: FocusTarget) => {
    selectTab(target.tab);
    if (target.openLessonId) setOpenLessonId(target.openLessonId);
    focus(target.elementId);
  };
  const problems = course.publishProblems.length;
  const tabs = [
    { id: "details" as const, label: t`Details` },
    { id: "outline" as const, label: t`Outline` },
    {
      id: "publish" as const,
      label: (
        <>
          <Trans>Publish</Trans>
          {course.status === "draft" && problems > 0 && (
            <Badge tone="warning">
              <Trans>
                {problems}
                <span className="visually-hidden"> to fix</span>
              </Trans>
            </Badge>
          )}
        </>
      ),
    },
    ...(hasLearners ? [{ id: "learners" as const, label: t`Learners` }] : []),
  ];

  return (
    <DirtyProvider value={reportDirty}>
      <div>
        <Breadcrumb>
          <li>
            <Link to="/teach">
              <Trans>Your courses</Trans>
            </Link>
          </li>
        </Breadcrumb>
        <header className={s.header}>
          <h1 translate="no">{course.title}</h1>
          <div className={s.meta}>
            <StatusBadge status={course.status} />
            <ButtonLink
              to={`/courses/${course.slug}`}
              target="_blank"
              rel="noopener"
              variant="ghost"
            >
              <Trans>
                Preview as learner<span className="visually-hidden"> (opens in a new tab)</span>
              </Trans>
            </ButtonLink>
            <ButtonLink to={`/teach/courses/${course.id}/forum`} variant="ghost">
              <Trans>Forum moderation</Trans>
            </ButtonLink>
            <ButtonLink to={`/teach/courses/${course.id}/reviews`} variant="ghost">
              <Trans>Review moderation</Trans>
            </ButtonLink>
            <ButtonLink to={analyticsPath(course.id)} variant="ghost">
              <Trans>Analytics</Trans>
            </ButtonLink>
            <EditingStatus courseId={course.id} />
          </div>
        </header>
        <Tabs
          label={t`Course editor`}
          idPrefix="editor"
          tabs={tabs}
          selected={tab}
          onSelect={selectTab}
        />
        {/* Every panel stays mounted (hidden when not selected), so unsaved edits survive a tab switch. */}
        <Panel tab="details" selected={tab}>
          <DetailsPanel key={course.id} course={course} />
        </Panel>
        <Panel tab="outline" selected={tab}>
          <OutlinePanel
            course={course}
            openLessonId={openLessonId}
            onOpenLesson={setOpenLessonId}
            focus={focus}
          />
        </Panel>
        <Panel tab="publish" selected={tab}>
          <PublishPanel course={course} onFix={goTo} />
        </Panel>
        {hasLearners && (
          <Panel tab="learners" selected={tab}>
            <LearnersPanel courseId={course.id} active={tab === "learners"} />
          </Panel>
        )}
      </div>
    </DirtyProvider>
  );
}

function Panel({
  tab,
  selected,
  children,
}: {
  tab: EditorTab;
  selected: EditorTab;
  children: ReactNode;
}) {
  return (
    <TabPanel idPrefix="editor" tab={tab} selected={selected}>
      {children}
    </TabPanel>
  );
}

/** A quiet indicator that edits are on their way to the server. */
function EditingStatus({ courseId }: { courseId: string }) {
  const pending = useIsMutating({ mutationKey: courseMutationKey(courseId) });
  return (
    <span className={s.editingStatus} aria-hidden={pending === 0}>
      {pending > 0 ? <Trans>Saving changes…</Trans> : ""}
    </span>
  );
}
