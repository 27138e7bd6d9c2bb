import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { type FormEvent, useState } from "react";
import { Markdown } from "../../../components/Markdown";
import { Button } from "../../../components/ui/Button";
import { FormError } from "../../../components/ui/Field";
import { apiFieldErrors } from "../../../lib/trpc";
import s from "./assignment.module.css";
import {
  accuracyPercent,
  type CalibrationExample,
  type LearnerAssignment,
} from "./assignment-view";
import { RubricForm } from "./RubricForm";
import { formatPoints } from "./rubric-view";
import {
  emptyScores,
  levelOf,
  type Rubric,
  type RubricScore,
  type ScoreErrors,
  scoresInput,
  validateScores,
} from "./scores-form";
import { useCalibrate } from "./use-assignment";

/**
 * Practice before reviewing peers: the learner grades the instructor's examples one at a time
 * and sees, per criterion, their level beside the instructor's and how close they came.
 */
export function Calibration({
  assignment,
  courseId,
}: {
  assignment: LearnerAssignment;
  courseId: string;
}) {
  const { t } = useLingui();
  const { examples, meanAccuracy } = assignment.calibration;
  const sorted = [...examples].sort((a, b) => a.position - b.position);
  const firstOpen = sorted.find((e) => !e.done);
  const count = sorted.length;
  const accuracy = meanAccuracy === null ? null : accuracyPercent(meanAccuracy);
  const intro =
    accuracy === null
      ? t`Before you review classmates, grade ${plural(count, { one: "this example", other: "these # examples" })} with the rubric. Then you see how the instructor graded it and how close you were.`
      : t`Before you review classmates, grade ${plural(count, { one: "this example", other: "these # examples" })} with the rubric. Then you see how the instructor graded it and how close you were. Your accuracy so far: ${accuracy}.`;
  return (
    <section className={s.panel} aria-labelledby="assignment-calibration">
      <h2 id="assignment-calibration" className={s.heading}>
        <Trans>Practice grading</Trans>
      </h2>
      <p className={s.muted}>{intro}</p>
      <ol className={s.examples}>
        {sorted.map((example, i) => (
          <li key={example.id}>
            <h3 className={s.subheading}>
              <Trans>Example {i + 1}</Trans>
            </h3>
            {example.done ? (
              <CalibrationResult example={example} rubric={assignment.rubric} />
            ) : example === firstOpen ? (
              <CalibrationForm
                example={example}
                assignment={assignment}
                courseId={courseId}
                number={i + 1}
              />
            ) : (
              <p className={s.muted}>
                <Trans>After example {i}.</Trans>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function CalibrationForm({
  example,
  assignment,
  courseId,
  number,
}: {
  example: CalibrationExample;
  assignment: LearnerAssignment;
  courseId: string;
  number: number;
}) {
  const { t } = useLingui();
  const calibrate = useCalibrate(assignment.lessonId, courseId);
  const [form, setForm] = useState(() => emptyScores(example.id));
  const [errors, setErrors] = useState<ScoreErrors>({});
  const [focusKey, setFocusKey] = useState(0);
  const send = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateScores(assignment.rubric, form);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setFocusKey((k) => k + 1);
      return;
    }
    calibrate.mutate(
      { exampleId: example.id, scores: scoresInput(assignment.rubric, form) },
      {
        onError: (error) => {
          const fields = apiFieldErrors(error);
          setErrors(fields);
          if (Object.keys(fields).length > 0) setFocusKey((k) => k + 1);
        },
      },
    );
  };
  const formError =
    calibrate.isError && Object.keys(errors).every((k) => !k.startsWith("scores."))
      ? calibrate.error.message
      : null;
  return (
    <form className={s.form} onSubmit={send} noValidate aria-label={t`Grade example ${number}`}>
      <div className={s.work}>
        <Markdown source={example.body} headingBase={4} />
      </div>
      <RubricForm
        rubric={assignment.rubric}
        form={form}
        onChange={setForm}
        errors={errors}
        focusKey={focusKey}
      />
      {formError && <FormError>{formError}</FormError>}
      <div className={s.actions}>
        <Button type="submit" variant="primary" disabled={calibrate.isPending}>
          <Trans>Check my grading</Trans>
        </Button>
      </div>
    </form>
  );
}

function CalibrationResult({ example, rubric }: { example: CalibrationExample; rubric: Rubric }) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const accuracy = accuracyPercent(example.accuracy ?? 0);
  const levelText = (criterion: Rubric[number], scores: RubricScore[]): string => {
    const score = scores.find((x) => x.criterionId === criterion.id);
    const level = levelOf(criterion, score);
    if (!score) return "—";
    const label = level?.label ?? t`A level since removed`;
    const points = formatPoints(score.points);
    return t`${label} (${points} points)`;
  };
  return (
    <div>
      <p>
        <Trans>You were {accuracy} close to the instructor's grading.</Trans>
      </p>
      <table className={s.table}>
        <caption className="visually-hidden">
          <Trans>Your grading of the example beside the instructor's</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Criterion</Trans>
            </th>
            <th scope="col">
              <Trans>You</Trans>
            </th>
            <th scope="col">
              <Trans>Instructor</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((criterion) => (
            <tr key={criterion.id}>
              <th scope="row" translate="no">
                {criterion.title}
              </th>
              <td>{levelText(criterion, example.mine ?? [])}</td>
              <td>{levelText(criterion, example.instructor ?? [])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button variant="ghost" size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? <Trans>Hide the example</Trans> : <Trans>Show the example</Trans>}
      </Button>
      {open && (
        <div className={s.work}>
          <Markdown source={example.body} headingBase={4} />
        </div>
      )}
    </div>
  );
}
