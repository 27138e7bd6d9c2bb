import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import type { CourseDetail } from "../../lib/trpc";
import { EnrollPanel } from "../course/EnrollPanel";
import s from "./lesson.module.css";

interface What {
  title: MessageDescriptor;
  body: MessageDescriptor;
}

// Descriptors, translated where shown: the language may change after this module loads.
const WHAT: Record<string, What> = {
  video: {
    title: msg`Enroll to watch`,
    body: msg`This lesson is part of the course. Enroll for free to watch it.`,
  },
  quiz: {
    title: msg`Enroll to take this quiz`,
    body: msg`This lesson is part of the course. Enroll for free to take it and keep your score.`,
  },
  exercise: {
    title: msg`Enroll to solve this exercise`,
    body: msg`This lesson is part of the course. Enroll for free to write and run your code and get a score.`,
  },
};
const READ: What = {
  title: msg`Enroll to read`,
  body: msg`This lesson is part of the course. Enroll for free to read it.`,
};

/** A lesson the visitor may not open yet: what it is, and the way in. */
export function LockedLesson({ course, kind }: { course: CourseDetail; kind: string }) {
  const { t } = useLingui();
  const what = WHAT[kind] ?? READ;
  return (
    <div className={s.locked}>
      <div className={s.lockedFrame}>
        <p className={s.lockedTitle}>{t(what.title)}</p>
        <p>{t(what.body)}</p>
      </div>
      <div>
        <EnrollPanel course={course} />
      </div>
    </div>
  );
}
