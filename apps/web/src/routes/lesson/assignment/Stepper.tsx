import { cx } from "../../../components/ui/cx";
import s from "./assignment.module.css";
import type { Step } from "./assignment-view";

const STATE_WORDS = { done: "done", current: "current step", upcoming: "not yet" } as const;

/** Where the learner is: Submit → Review others → Waiting for reviews → Graded. */
export function Stepper({ steps }: { steps: Step[] }) {
  return (
    <ol className={s.stepper} aria-label="Your progress on this assignment">
      {steps.map((step, i) => (
        <li
          key={step.key}
          className={cx(s.step, s[step.state])}
          aria-current={step.state === "current" ? "step" : undefined}
        >
          <span className={s.stepMark} aria-hidden="true">
            {step.state === "done" ? "✓" : i + 1}
          </span>
          <span className={s.stepText}>
            <span className={s.stepLabel}>{step.label}</span>
            <span className={s.stepDetail}>{step.detail}</span>
            <span className="visually-hidden">({STATE_WORDS[step.state]})</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
