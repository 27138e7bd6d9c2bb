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

const TABS: ReadonlyArray<{ id: DashboardTab; label: string }> = [
  { id: "overview", label: "Overview" },
  { id: "lessons", label: "Lessons" },
  { id: "video", label: "Video" },
  { id: "assessments", label: "Assessments" },
  { id: "learners", label: "Learners" },
];

function Dashboard({ courseId }: { courseId: string }) {
  const course = useQuery(courseQuery(courseId));
  const [params, setParams] = useSearchParams();
  const tab = parseDashboardTab(params.get("tab"));
  useDocumentTitle(course.data ? `Analytics: ${course.data.title}` : "Course analytics");
  if (course.isPending) return <LoadingState label="Loading the course…" />;
  if (course.isError) {
    const code = apiErrorCode(course.error);
    if (code === "NOT_FOUND" || code === "FORBIDDEN" || code === "BAD_REQUEST")
      return <NotFoundContent title="Course not found" what="course you teach" />;
    return <ErrorState message="We could not load this course." onRetry={() => course.refetch()} />;
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
          <Link to="/teach">Your courses</Link>
        </li>
        <li>
          <Link to={`/teach/courses/${course.data.id}`}>{course.data.title}</Link>
        </li>
      </Breadcrumb>
      <div className={s.head}>
        <h1>Analytics</h1>
        <p className={s.summary}>How learners move through {course.data.title}.</p>
      </div>
      <Tabs label="Analytics" idPrefix="analytics" tabs={TABS} selected={tab} onSelect={select} />
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
