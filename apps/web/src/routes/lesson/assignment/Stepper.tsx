import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { cx } from "../../../components/ui/cx";
import s from "./assignment.module.css";
import type { Step } from "./assignment-view";

// Descriptors, translated where shown.
const STATE_WORDS = {
  done: msg`(done)`,
  current: msg`(current step)`,
  upcoming: msg`(not yet)`,
} as const;

/** Where the learner is: Submit → Review others → Waiting for reviews → Graded. */
export function Stepper({ steps }: { steps: Step[] }) {
  const { t } = useLingui();
  return (
    <ol className={s.stepper} aria-label={t`Your progress on this assignment`}>
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
            <span className="visually-hidden">{t(STATE_WORDS[step.state])}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
