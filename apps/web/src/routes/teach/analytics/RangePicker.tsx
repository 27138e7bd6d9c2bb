import { Trans } from "@lingui/react/macro";
import { useId } from "react";
import { Button } from "../../../components/ui/Button";
import s from "./analytics.module.css";
import { rangeProblem } from "./analytics-view";

export const PRESETS = [7, 30, 90] as const;
export type Preset = (typeof PRESETS)[number] | "custom";

/** The last 7, 30 or 90 days, or a custom range checked before it applies. */
export function RangePicker({
  preset,
  onPreset,
  onCustom,
  draft,
  onDraft,
  onApply,
}: {
  preset: Preset;
  onPreset: (days: (typeof PRESETS)[number]) => void;
  onCustom: () => void;
  draft: { from: string; to: string };
  onDraft: (range: { from: string; to: string }) => void;
  onApply: () => void;
}) {
  const id = useId();
  const problem = preset === "custom" ? rangeProblem(draft.from, draft.to) : null;
  return (
    <fieldset className={s.filters}>
      <legend>
        <Trans>Date range</Trans>
      </legend>
      <div className={s.segmented}>
        {PRESETS.map((days) => (
          <Button
            key={days}
            size="small"
            aria-pressed={preset === days}
            onClick={() => onPreset(days)}
          >
            <Trans>Last {days} days</Trans>
          </Button>
        ))}
        <Button size="small" aria-pressed={preset === "custom"} onClick={onCustom}>
          <Trans>Custom</Trans>
        </Button>
      </div>
      {preset === "custom" && (
        <form
          className={s.filters}
          onSubmit={(event) => {
            event.preventDefault();
            if (!problem) onApply();
          }}
        >
          <label className={s.dateField}>
            <Trans>From</Trans>
            <input
              type="date"
              value={draft.from}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => onDraft({ ...draft, from: e.target.value })}
            />
          </label>
          <label className={s.dateField}>
            <Trans>To</Trans>
            <input
              type="date"
              value={draft.to}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => onDraft({ ...draft, to: e.target.value })}
            />
          </label>
          <Button type="submit" size="small" variant="primary" disabled={problem !== null}>
            <Trans>Apply</Trans>
          </Button>
          {problem && (
            <p id={`${id}-problem`} className={s.error} role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </fieldset>
  );
}
