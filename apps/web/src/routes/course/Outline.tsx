import { Plural, Trans } from "@lingui/react/macro";
import { Link } from "react-router";
import { Badge } from "../../components/ui/Badge";
import { formatDuration } from "../../lib/format";
import { LESSON_KIND_LABELS, lessonStatus } from "../../lib/learn-outline";
import type { CourseDetail } from "../../lib/trpc";
import { type CourseProgress, lessonPath } from "../learn/api";
import { isOptional } from "../learn/CourseSidebar";
import { LessonStatusIcon } from "../learn/LessonStatusIcon";
import s from "./Outline.module.css";

type Lesson = CourseDetail["modules"][number]["lessons"][number];

/**
 * The course's modules and lessons. A lesson links to its page for those who may open it:
 * enrolled learners, anyone for a free preview, and the course's editors on a draft (a video
 * lesson only once its video plays). Enrolled learners also see each lesson's state.
 */
export function Outline({
  modules,
  slug,
  canWatchAll,
  progress = null,
}: {
  modules: CourseDetail["modules"];
  slug: string;
  canWatchAll: boolean;
  progress?: CourseProgress | null;
}) {
  const openable = (lesson: Lesson) =>
    (canWatchAll || lesson.isPreview) && (lesson.kind !== "video" || lesson.hasVideo);
  const states = new Map(progress?.lessons.map((l) => [l.lessonId, l]));
  return (
    <section aria-labelledby="outline-heading">
      <h2 id="outline-heading">
        <Trans>Course outline</Trans>
      </h2>
      {modules.length === 0 ? (
        <p>
          <Trans>The outline for this course is being prepared.</Trans>
        </p>
      ) : (
        <ol className={s.modules}>
          {modules.map((module) => (
            <li key={module.id} className={s.module}>
              <h3 translate="no">{module.title}</h3>
              <p className="muted">
                <Plural value={module.lessons.length} one="# lesson" other="# lessons" />
                {moduleSeconds(module) > 0 && ` · ${formatDuration(moduleSeconds(module))}`}
              </p>
              <ol className={s.lessons}>
                {module.lessons.map((lesson) => (
                  <li key={lesson.id} className={progress ? s.hasStatus : undefined}>
                    {progress && (
                      <LessonStatusIcon
                        status={lessonStatus(lesson, states.get(lesson.id), true)}
                      />
                    )}
                    <span className={s.kind}>{LESSON_KIND_LABELS[lesson.kind] ?? lesson.kind}</span>
                    <span>
                      {openable(lesson) ? (
                        <Link className={s.link} to={lessonPath(slug, lesson.id)} translate="no">
                          {lesson.title}
                        </Link>
                      ) : (
                        <span translate="no">{lesson.title}</span>
                      )}
                      {lesson.isPreview && openable(lesson) && !canWatchAll && (
                        <Badge tone="info" className={s.badge}>
                          <Trans>Free preview</Trans>
                        </Badge>
                      )}
                      {isOptional(lesson) && (
                        <Badge className={s.badge}>
                          <Trans>Optional</Trans>
                        </Badge>
                      )}
                    </span>
                    <span className={s.duration}>
                      {lesson.durationSeconds > 0 && formatDuration(lesson.durationSeconds)}
                    </span>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const moduleSeconds = (module: { lessons: Array<{ durationSeconds: number }> }) =>
  module.lessons.reduce((sum, lesson) => sum + lesson.durationSeconds, 0);
