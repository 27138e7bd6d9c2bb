import { Link } from "react-router";
import { formatDuration, plural } from "../../lib/format";
import type { CourseDetail } from "../../lib/trpc";

const KIND_LABELS: Record<string, string> = {
  video: "Video",
  pdf: "Reading (PDF)",
  text: "Reading",
  quiz: "Quiz",
  assignment: "Assignment",
  exercise: "Exercise",
};

type Lesson = CourseDetail["modules"][number]["lessons"][number];

/**
 * The course's modules and lessons. A lesson with a playable video links to its player for
 * those who may watch it: enrolled learners, anyone for a free preview, and the course's
 * editors on a draft.
 */
export function Outline({
  modules,
  slug,
  canWatchAll,
}: {
  modules: CourseDetail["modules"];
  slug: string;
  canWatchAll: boolean;
}) {
  const watchable = (lesson: Lesson) => lesson.hasVideo && (canWatchAll || lesson.isPreview);
  return (
    <section aria-labelledby="outline-heading" className="outline">
      <h2 id="outline-heading">Course outline</h2>
      {modules.length === 0 ? (
        <p>The outline for this course is being prepared.</p>
      ) : (
        <ol className="outline-modules">
          {modules.map((module) => (
            <li key={module.id} className="outline-module">
              <h3>{module.title}</h3>
              <p className="muted">
                {plural(module.lessons.length, "lesson")} ·{" "}
                {formatDuration(module.lessons.reduce((s, l) => s + l.durationSeconds, 0))}
              </p>
              <ol className="outline-lessons">
                {module.lessons.map((lesson) => (
                  <li key={lesson.id}>
                    <span className="lesson-kind">{KIND_LABELS[lesson.kind] ?? lesson.kind}</span>
                    <span className="lesson-title">
                      {watchable(lesson) ? (
                        <Link className="lesson-link" to={`/courses/${slug}/lessons/${lesson.id}`}>
                          {lesson.title}
                        </Link>
                      ) : (
                        lesson.title
                      )}
                      {lesson.isPreview && lesson.hasVideo && (
                        <span className="preview-tag">Free preview</span>
                      )}
                    </span>
                    <span className="lesson-duration">
                      {formatDuration(lesson.durationSeconds)}
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
