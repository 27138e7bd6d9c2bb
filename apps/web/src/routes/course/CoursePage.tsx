import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { Breadcrumb } from "../../components/Breadcrumb";
import { Rating } from "../../components/CourseCard";
import { Markdown } from "../../components/Markdown";
import { ErrorState, LoadingState } from "../../components/states";
import { Panel, panelStyles } from "../../components/ui/Panel";
import { categoryText } from "../../lib/course-category";
import { formatDuration, formatLearners, languageName } from "../../lib/format";
import { apiErrorCode, type CourseDetail, trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { levelText } from "../catalog/level-labels";
import { useCourseProgress } from "../learn/api";
import { NotFoundContent } from "../NotFoundPage";
import s from "./CoursePage.module.css";
import { EditorBanner } from "./EditorBanner";
import { EnrollPanel } from "./EnrollPanel";
import { LearnerProgress } from "./LearnerProgress";
import { Outline } from "./Outline";
import { RatingPrompt } from "./ratings/RatingPrompt";
import { RatingsSection } from "./ratings/RatingsSection";

export function Component() {
  const { t } = useLingui();
  const { slug = "" } = useParams();
  const course = useQuery(trpc.catalog.bySlug.queryOptions({ slug }));
  useDocumentTitle(course.data?.title ?? null);

  if (course.isPending) return <LoadingState label={t`Loading course…`} />;
  if (course.isError) {
    const code = apiErrorCode(course.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") {
      return (
        <NotFoundContent
          title={t`Course not found`}
          message={t`We could not find that course. It may have moved or been unpublished.`}
        />
      );
    }
    return (
      <ErrorState message={t`We could not load this course.`} onRetry={() => course.refetch()} />
    );
  }
  return <CourseView course={course.data} />;
}

function CourseView({ course }: { course: CourseDetail }) {
  const { t } = useLingui();
  const progress = useCourseProgress(course);
  const { instructorName } = course;
  const categoryHref = `/?${new URLSearchParams({ category: course.category }).toString()}`;
  return (
    <article>
      <EditorBanner course={course} />
      <Breadcrumb>
        <li>
          <Link to="/">
            <Trans>Catalog</Trans>
          </Link>
        </li>
        <li>
          <Link to={categoryHref}>{categoryText(course.category, t)}</Link>
        </li>
      </Breadcrumb>
      <header className={s.hero}>
        <p className={s.eyebrow}>
          {levelText(course.level, t)} · {languageName(course.language)}
        </p>
        <h1 translate="no">{course.title}</h1>
        <p className="lede" translate="no">
          {course.subtitle}
        </p>
        <ul className={s.facts} aria-label={t`Course facts`}>
          <li>
            <Trans>By {instructorName}</Trans>
          </li>
          <li>
            <Rating average={course.ratingAverage} count={course.ratingCount} />
          </li>
          <li>{formatLearners(course.enrollmentCount)}</li>
          <li>
            <Plural value={course.lessonCount} one="# lesson" other="# lessons" />
          </li>
          {course.durationSeconds > 0 && <li>{formatDuration(course.durationSeconds)}</li>}
        </ul>
      </header>
      <div className={s.layout}>
        <aside className={s.aside} aria-label={t`Enrollment`}>
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
              <h2 className={panelStyles.title}>
                <Trans>Not open yet</Trans>
              </h2>
              <p className="muted">
                <Trans>Learners can enroll once the course is published.</Trans>
              </p>
            </Panel>
          ) : (
            <>
              {course.enrollment && <RatingPrompt courseId={course.id} />}
              {course.enrollment && (
                <LearnerProgress
                  course={course}
                  progress={progress.data}
                  failed={progress.isError}
                />
              )}
              {(course.enrollment || course.viewerCanEdit) && (
                <p>
                  <Link to={`/courses/${course.slug}/forum`}>
                    <Trans>Course forum</Trans>
                  </Link>
                </p>
              )}
              <EnrollPanel course={course} />
            </>
          )}
        </aside>
        <div className={s.main}>
          <section aria-labelledby="about-heading">
            <h2 id="about-heading">
              <Trans>About this course</Trans>
            </h2>
            {/* The author's own words, in the course's language. */}
            <div translate="no">
              <Markdown source={course.description} headingBase={3} />
            </div>
          </section>
          <Outline
            modules={course.modules}
            slug={course.slug}
            // Editors (the only ones who can see a draft at all) may open every lesson.
            canWatchAll={course.enrollment !== null || course.viewerCanEdit}
            progress={progress.data ?? null}
          />
          <RatingsSection courseId={course.id} slug={course.slug} />
        </div>
      </div>
    </article>
  );
}
