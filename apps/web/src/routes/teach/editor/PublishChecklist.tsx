import { Trans, useLingui } from "@lingui/react/macro";
import { linkButtonClass } from "../../../components/ui/Button";
import type { ApiProblem } from "../../../lib/trpc";
import { type FocusTarget, problemTarget } from "../editor-targets";
import s from "./editor.module.css";

/** What still blocks publishing; each item leads to the field or lesson that fixes it. */
export function PublishChecklist({
  problems,
  firstModuleId,
  onFix,
}: {
  problems: ApiProblem[];
  firstModuleId: string | undefined;
  onFix: (target: FocusTarget) => void;
}) {
  const { t } = useLingui();
  return (
    <>
      <h3 id="checklist-heading">
        {problems.length === 0 ? (
          <Trans>Ready to publish</Trans>
        ) : (
          <Trans>Before you publish</Trans>
        )}
      </h3>
      {problems.length === 0 ? (
        <p className={s.checklistReady}>
          <Trans>Everything learners need is in place.</Trans>
        </p>
      ) : (
        <ul className={s.checklist} aria-labelledby="checklist-heading">
          {problems.map((problem, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: codes repeat (one per lesson); the order is stable
            <li key={`${problem.code}-${index}`}>
              <span className={s.checklistMark} aria-hidden="true" />
              <span className={s.checklistText}>{problem.message}</span>
              <button
                type="button"
                className={linkButtonClass}
                aria-label={t`Fix: ${problem.message}`}
                onClick={() => onFix(problemTarget(problem, firstModuleId))}
              >
                <Trans>Fix</Trans>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
