import { Trans, useLingui } from "@lingui/react/macro";
import { fieldStyles as f } from "../../../components/ui/Field";
import settings from "../settings.module.css";
import { EVENT_TEXT, EVENT_TYPES, type WebhookEventType } from "./view";
import s from "./webhooks.module.css";

/** One checkbox per event type; the group's error (none chosen) is read with it. */
export function EventChecks({
  idPrefix,
  value,
  error,
  onChange,
}: {
  idPrefix: string;
  value: readonly WebhookEventType[];
  error?: string | undefined;
  onChange: (events: WebhookEventType[]) => void;
}) {
  const { t } = useLingui();
  const toggle = (type: WebhookEventType, on: boolean) =>
    onChange(EVENT_TYPES.filter((t) => (t === type ? on : value.includes(t))));
  return (
    <fieldset
      className={settings.fieldset}
      aria-describedby={error ? `${idPrefix}-events-error` : undefined}
    >
      <legend className={settings.legend}>
        <Trans>Events</Trans>
      </legend>
      {EVENT_TYPES.map((type) => (
        <label key={type} className={f.check}>
          <input
            type="checkbox"
            checked={value.includes(type)}
            onChange={(event) => toggle(type, event.target.checked)}
          />
          <span>
            {t(EVENT_TEXT[type].label)}{" "}
            <code className={s.eventCode} translate="no">
              {type}
            </code>
          </span>
        </label>
      ))}
      {error && (
        <p id={`${idPrefix}-events-error`} className={f.error}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
