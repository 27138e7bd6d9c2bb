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
  const { examples, meanAccuracy } = assignment.calibration;
  const sorted = [...examples].sort((a, b) => a.position - b.position);
  const firstOpen = sorted.find((e) => !e.done);
  return (
    <section className={s.panel} aria-labelledby="assignment-calibration">
      <h2 id="assignment-calibration" className={s.heading}>
        Practice grading
      </h2>
      <p className={s.muted}>
        Before you review classmates, grade{" "}
        {sorted.length === 1 ? "this example" : `these ${sorted.length} examples`} with the rubric.
        Then you see how the instructor graded it and how close you were.
        {meanAccuracy !== null && ` Your accuracy so far: ${accuracyPercent(meanAccuracy)}.`}
      </p>
      <ol className={s.examples}>
        {sorted.map((example, i) => (
          <li key={example.id}>
            <h3 className={s.subheading}>Example {i + 1}</h3>
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
              <p className={s.muted}>After example {i}.</p>
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
    <form className={s.form} onSubmit={send} noValidate aria-label={`Grade example ${number}`}>
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
          Check my grading
        </Button>
      </div>
    </form>
  );
}

function CalibrationResult({ example, rubric }: { example: CalibrationExample; rubric: Rubric }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <p>You were {accuracyPercent(example.accuracy ?? 0)} close to the instructor's grading.</p>
      <table className={s.table}>
        <caption className="visually-hidden">
          Your grading of the example beside the instructor's
        </caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">You</th>
            <th scope="col">Instructor</th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((criterion) => (
            <tr key={criterion.id}>
              <th scope="row">{criterion.title}</th>
              <td>{levelText(criterion, example.mine ?? [])}</td>
              <td>{levelText(criterion, example.instructor ?? [])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button variant="ghost" size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Hide the example" : "Show the example"}
      </Button>
      {open && (
        <div className={s.work}>
          <Markdown source={example.body} headingBase={4} />
        </div>
      )}
    </div>
  );
}

function levelText(criterion: Rubric[number], scores: RubricScore[]): string {
  const score = scores.find((x) => x.criterionId === criterion.id);
  const level = levelOf(criterion, score);
  if (!score) return "—";
  return `${level?.label ?? "A level since removed"} (${formatPoints(score.points)} points)`;
}
