import type { CourseDetail } from "../../lib/trpc";
import { EnrollPanel } from "../course/EnrollPanel";
import s from "./lesson.module.css";

const WHAT: Record<string, { title: string; body: string }> = {
  video: { title: "Enroll to watch", body: "Enroll for free to watch it." },
  quiz: {
    title: "Enroll to take this quiz",
    body: "Enroll for free to take it and keep your score.",
  },
  exercise: {
    title: "Enroll to solve this exercise",
    body: "Enroll for free to write and run your code and get a score.",
  },
};
const READ = { title: "Enroll to read", body: "Enroll for free to read it." };

/** A lesson the visitor may not open yet: what it is, and the way in. */
export function LockedLesson({ course, kind }: { course: CourseDetail; kind: string }) {
  const what = WHAT[kind] ?? READ;
  return (
    <div className={s.locked}>
      <div className={s.lockedFrame}>
        <p className={s.lockedTitle}>{what.title}</p>
        <p>This lesson is part of the course. {what.body}</p>
      </div>
      <div>
        <EnrollPanel course={course} />
      </div>
    </div>
  );
}
