import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { Breadcrumb } from "../../../components/Breadcrumb";
import { ErrorState, LoadingState } from "../../../components/states";
import { TabPanel, Tabs } from "../../../components/ui/Tabs";
import { apiErrorCode } from "../../../lib/trpc";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { NotFoundContent } from "../../NotFoundPage";
import { courseQuery } from "../api";
import { RequireInstructor } from "../RequireInstructor";
import { AssessmentsTab } from "./AssessmentsTab";
import s from "./analytics.module.css";
import { type DashboardTab, parseDashboardTab } from "./analytics-view";
import { LearnersTab } from "./LearnersTab";
import { LessonsTab } from "./LessonsTab";
import { OverviewTab } from "./OverviewTab";
import { VideoTab } from "./VideoTab";

/**
 * The instructor engagement dashboard (issue 14, ADR 0024): one course's rollups in five tabs.
 * recharts is imported only from this page's chunk, so learners never download it.
 */
export function Component() {
  const { courseId = "" } = useParams();
  return (
    <RequireInstructor>
      <Dashboard courseId={courseId} />
    </RequireInstructor>
  );
}

const TABS: ReadonlyArray<{ id: DashboardTab; label: MessageDescriptor }> = [
  { id: "overview", label: msg`Overview` },
  { id: "lessons", label: msg`Lessons` },
  { id: "video", label: msg`Video` },
  { id: "assessments", label: msg`Assessments` },
  { id: "learners", label: msg`Learners` },
];

function Dashboard({ courseId }: { courseId: string }) {
  const { t, i18n } = useLingui();
  const course = useQuery(courseQuery(courseId));
  const [params, setParams] = useSearchParams();
  const tab = parseDashboardTab(params.get("tab"));
  const courseTitle = course.data?.title;
  useDocumentTitle(courseTitle ? t`Analytics: ${courseTitle}` : t`Course analytics`);
  if (course.isPending) return <LoadingState label={t`Loading the course…`} />;
  if (course.isError) {
    const code = apiErrorCode(course.error);
    if (code === "NOT_FOUND" || code === "FORBIDDEN" || code === "BAD_REQUEST")
      return (
        <NotFoundContent
          title={t`Course not found`}
          message={t`We could not find that course you teach. It may have moved or been unpublished.`}
        />
      );
    return (
      <ErrorState message={t`We could not load this course.`} onRetry={() => course.refetch()} />
    );
  }
  const select = (next: DashboardTab) =>
    setParams(next === "overview" ? {} : { tab: next }, {
      replace: true,
      preventScrollReset: true,
    });
  return (
    <div className={s.page}>
      <Breadcrumb>
        <li>
          <Link to="/teach">
            <Trans>Your courses</Trans>
          </Link>
        </li>
        <li>
          <Link to={`/teach/courses/${course.data.id}`} translate="no">
            {course.data.title}
          </Link>
        </li>
      </Breadcrumb>
      <div className={s.head}>
        <h1>
          <Trans>Analytics</Trans>
        </h1>
        <p className={s.summary}>
          <Trans>
            How learners move through <span translate="no">{courseTitle}</span>.
          </Trans>
        </p>
      </div>
      <Tabs
        label={t`Analytics`}
        idPrefix="analytics"
        tabs={TABS.map(({ id, label }) => ({ id, label: i18n._(label) }))}
        selected={tab}
        onSelect={select}
      />
      {TABS.map(({ id }) => (
        <TabPanel key={id} idPrefix="analytics" tab={id} selected={tab}>
          {/* Only the open tab reads: each tab's queries start when it is first shown. */}
          {id === tab && <TabContent tab={id} courseId={course.data.id} />}
        </TabPanel>
      ))}
    </div>
  );
}

function TabContent({ tab, courseId }: { tab: DashboardTab; courseId: string }) {
  switch (tab) {
    case "overview":
      return <OverviewTab courseId={courseId} />;
    case "lessons":
      return <LessonsTab courseId={courseId} />;
    case "video":
      return <VideoTab courseId={courseId} />;
    case "assessments":
      return <AssessmentsTab courseId={courseId} />;
    case "learners":
      return <LearnersTab courseId={courseId} />;
  }
}
