import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { buttonClass } from "../../../../components/ui/Button";
import { fieldStyles as f, SelectField, TextField } from "../../../../components/ui/Field";
import { apiFieldErrors, queryClient, trpc } from "../../../../lib/trpc";
import { captionLanguageName, captionLanguages, defaultCaptionLabel } from "./caption-languages";
import type { VideoSummary } from "./video-api";
import s from "./video-editor.module.css";

const VTT_MAX_BYTES = 1024 * 1024;

/** WebVTT caption tracks of a video: listed with Remove, and a form to add one per language. */
export function CaptionsPanel({ video, lessonId }: { video: VideoSummary; lessonId: string }) {
  const { t } = useLingui();
  const headingId = useId();
  const refresh = () =>
    queryClient.invalidateQueries(trpc.video.lessonVideo.queryFilter({ lessonId }));
  const remove = useMutation(trpc.video.removeCaption.mutationOptions({ onSuccess: refresh }));
  return (
    <section className={s.captions} aria-labelledby={headingId}>
      <h5 id={headingId}>
        <Trans>Captions</Trans>
      </h5>
      {video.captions.length === 0 ? (
        <p className="muted">
          <Trans>No captions yet. Add a WebVTT (.vtt) file per language.</Trans>
        </p>
      ) : (
        <ul className={s.captionList}>
          {video.captions.map((c) => (
            <li key={c.language}>
              <span>
                <strong translate="no">{c.label}</strong>{" "}
                <span className="muted" translate="no">
                  ({c.language})
                </span>
              </span>
              <button
                type="button"
                className={buttonClass({ variant: "ghost", size: "small" })}
                disabled={remove.isPending}
                onClick={() => remove.mutate({ assetId: video.id, language: c.language })}
              >
                <Trans>
                  Remove<span className="visually-hidden"> {c.label} captions</span>
                </Trans>
              </button>
            </li>
          ))}
        </ul>
      )}
      {remove.isError && (
        <p className={f.error} role="alert">
          {remove.error.message || t`Couldn't remove the captions.`}
        </p>
      )}
      <AddCaptionForm video={video} onAdded={refresh} />
    </section>
  );
}

function AddCaptionForm({ video, onAdded }: { video: VideoSummary; onAdded: () => void }) {
  const { t } = useLingui();
  const id = useId();
  const [language, setLanguage] = useState("en");
  const [label, setLabel] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // A new key empties the file input after an add (file inputs can't be set from script).
  const [fileKey, setFileKey] = useState(0);
  const add = useMutation(
    trpc.video.addCaption.mutationOptions({
      onSuccess: () => {
        setFile(null);
        setLabel(null);
        setFileKey((k) => k + 1);
        onAdded();
      },
    }),
  );
  const errors = apiFieldErrors(add.error);
  const shownLabel = label ?? defaultCaptionLabel(language);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setFileError(t`Choose a .vtt file.`);
    if (file.size > VTT_MAX_BYTES) return setFileError(t`Caption files can be at most 1 MiB.`);
    setFileError(null);
    add.mutate({ assetId: video.id, language, label: shownLabel.trim(), vtt: await file.text() });
  };
  const replacing = video.captions.some((c) => c.language === language);
  const languageLabel = captionLanguageName(language);
  const vttError = fileError ?? errors.vtt;
  const generalError =
    add.isError && !errors.vtt && !errors.label && !errors.language ? add.error.message : null;
  return (
    <form className={s.captionForm} onSubmit={submit} noValidate>
      <div className={f.row}>
        <SelectField
          id={`${id}-language`}
          label={t`Language`}
          options={captionLanguages()}
          value={language}
          error={errors.language}
          hint={replacing ? t`Replaces the ${languageLabel} captions.` : undefined}
          onChange={(e) => setLanguage(e.target.value)}
        />
        <TextField
          id={`${id}-label`}
          label={t`Label`}
          value={shownLabel}
          maxLength={60}
          error={errors.label}
          onChange={(e) => setLabel(e.target.value)}
        />
      </div>
      <TextField
        key={fileKey}
        id={`${id}-vtt`}
        label={t`WebVTT file`}
        type="file"
        accept=".vtt,text/vtt"
        error={vttError}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setFileError(null);
          add.reset();
        }}
      />
      {generalError && (
        <p className={f.error} role="alert">
          {generalError}
        </p>
      )}
      <div>
        <button
          type="submit"
          className={buttonClass({ variant: "secondary", size: "small" })}
          disabled={add.isPending}
        >
          {add.isPending ? <Trans>Adding…</Trans> : <Trans>Add captions</Trans>}
        </button>
      </div>
    </form>
  );
}
