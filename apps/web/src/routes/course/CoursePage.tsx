import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { Breadcrumb } from "../../components/Breadcrumb";
import { Rating } from "../../components/CourseCard";
import { Markdown } from "../../components/Markdown";
import { ErrorState, LoadingState } from "../../components/states";
import { Panel, panelStyles } from "../../components/ui/Panel";
import { capitalize, formatDuration, formatLearners, languageName, plural } from "../../lib/format";
import { apiErrorCode, type CourseDetail, trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useCourseProgress } from "../learn/api";
import { NotFoundContent } from "../NotFoundPage";
import s from "./CoursePage.module.css";
import { EditorBanner } from "./EditorBanner";
import { EnrollPanel } from "./EnrollPanel";
import { LearnerProgress } from "./LearnerProgress";
import { Outline } from "./Outline";

export function Component() {
  const { slug = "" } = useParams();
  const course = useQuery(trpc.catalog.bySlug.queryOptions({ slug }));
  useDocumentTitle(course.data?.title ?? null);

  if (course.isPending) return <LoadingState label="Loading course…" />;
  if (course.isError) {
    const code = apiErrorCode(course.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") {
      return <NotFoundContent title="Course not found" what="course" />;
    }
    return <ErrorState message="We could not load this course." onRetry={() => course.refetch()} />;
  }
  return <CourseView course={course.data} />;
}

function CourseView({ course }: { course: CourseDetail }) {
  const progress = useCourseProgress(course);
  const categoryHref = `/?${new URLSearchParams({ category: course.category }).toString()}`;
  return (
    <article>
      <EditorBanner course={course} />
      <Breadcrumb>
        <li>
          <Link to="/">Catalog</Link>
        </li>
        <li>
          <Link to={categoryHref}>{course.category}</Link>
        </li>
      </Breadcrumb>
      <header className={s.hero}>
        <p className={s.eyebrow}>
          {capitalize(course.level)} · {languageName(course.language)}
        </p>
        <h1>{course.title}</h1>
        <p className="lede">{course.subtitle}</p>
        <ul className={s.facts} aria-label="Course facts">
          <li>By {course.instructorName}</li>
          <li>
            <Rating average={course.ratingAverage} count={course.ratingCount} />
          </li>
          <li>{formatLearners(course.enrollmentCount)}</li>
          <li>{plural(course.lessonCount, "lesson")}</li>
          {course.durationSeconds > 0 && <li>{formatDuration(course.durationSeconds)}</li>}
        </ul>
      </header>
      <div className={s.layout}>
        <aside className={s.aside} aria-label="Enrollment">
          {course.coverImageUrl && (
            <img
              className={s.cover}
              src={course.coverImageUrl}
              alt=""
              width={640}
              height={360}
              decoding="async"
            />
          )}
          {course.status === "draft" ? (
            <Panel raised stack>
              <h2 className={panelStyles.title}>Not open yet</h2>
              <p className="muted">Learners can enroll once the course is published.</p>
            </Panel>
          ) : (
            <>
              {course.enrollment && (
                <LearnerProgress
                  course={course}
                  progress={progress.data}
                  failed={progress.isError}
                />
              )}
              {(course.enrollment || course.viewerCanEdit) && (
                <p>
                  <Link to={`/courses/${course.slug}/forum`}>Course forum</Link>
                </p>
              )}
              <EnrollPanel course={course} />
            </>
          )}
        </aside>
        <div className={s.main}>
          <section aria-labelledby="about-heading">
            <h2 id="about-heading">About this course</h2>
            <Markdown source={course.description} headingBase={3} />
          </section>
          <Outline
            modules={course.modules}
            slug={course.slug}
            // Editors (the only ones who can see a draft at all) may open every lesson.
            canWatchAll={course.enrollment !== null || course.viewerCanEdit}
            progress={progress.data ?? null}
          />
        </div>
      </div>
    </article>
  );
}
