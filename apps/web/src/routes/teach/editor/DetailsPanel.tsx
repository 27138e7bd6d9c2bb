import { Trans, useLingui } from "@lingui/react/macro";
import { buttonClass } from "../../../components/ui/Button";
import { fieldStyles as f, SelectField, TextField } from "../../../components/ui/Field";
import type { EditableCourse } from "../api";
import { COURSE_LIMITS } from "../course-form";
import { fieldId } from "../editor-targets";
import { useTaxonomyOptions } from "../taxonomy-options";
import teach from "../teach.module.css";
import { ConflictNotice } from "./ConflictNotice";
import { CoverUpload } from "./CoverUpload";
import s from "./editor.module.css";
import { MarkdownField } from "./MarkdownField";
import { SaveStatus, saveState } from "./SaveStatus";
import { TagsInput } from "./TagsInput";
import { useDetailsForm } from "./use-details-form";

/** Title, texts, taxonomy and tags, saved together; the cover beside them saves on upload. */
export function DetailsPanel({ course }: { course: EditableCourse }) {
  const { t } = useLingui();
  const taxonomy = useTaxonomyOptions();
  const { values, errors, dirty, set, submit, reload, save, conflict } = useDetailsForm(course);
  return (
    <div className={s.detailsLayout}>
      <form
        className={teach.formCard}
        noValidate
        onSubmit={submit}
        aria-labelledby="details-heading"
      >
        <h2 id="details-heading">
          <Trans>Course details</Trans>
        </h2>
        {conflict && <ConflictNotice courseId={course.id} onReloaded={reload} />}
        <TextField
          id={fieldId("title")}
          label={t`Title`}
          value={values.title}
          onChange={(e) => set("title", e.target.value)}
          maxLength={COURSE_LIMITS.titleMax}
          error={errors.title}
          required
        />
        <TextField
          id={fieldId("subtitle")}
          label={t`Subtitle`}
          value={values.subtitle}
          onChange={(e) => set("subtitle", e.target.value)}
          maxLength={COURSE_LIMITS.subtitleMax}
          error={errors.subtitle}
          hint={t`One sentence: who it is for and what they will be able to do.`}
        />
        <MarkdownField
          id={fieldId("description")}
          label={t`Description`}
          value={values.description}
          onChange={(v) => set("description", v)}
          maxLength={COURSE_LIMITS.descriptionMax}
          error={errors.description}
        />
        <div className={f.row}>
          <SelectField
            id={fieldId("category")}
            label={t`Category`}
            options={taxonomy.categories}
            value={values.category}
            onChange={(e) => set("category", e.target.value)}
            error={errors.category}
          />
          <SelectField
            id={fieldId("level")}
            label={t`Level`}
            options={taxonomy.levels}
            value={values.level}
            onChange={(e) => set("level", e.target.value)}
            error={errors.level}
          />
          <SelectField
            id={fieldId("language")}
            label={t`Language`}
            options={taxonomy.languages}
            value={values.language}
            onChange={(e) => set("language", e.target.value)}
            error={errors.language}
          />
        </div>
        <TagsInput
          id={fieldId("tags")}
          tags={values.tags}
          onChange={(tags) => set("tags", tags)}
          error={errors.tags}
        />
        <div className={f.actions}>
          <button
            type="submit"
            className={buttonClass({ variant: "primary" })}
            disabled={save.isPending || !dirty}
          >
            {save.isPending ? <Trans>Saving…</Trans> : <Trans>Save changes</Trans>}
          </button>
          <SaveStatus
            state={saveState(save, dirty)}
            error={conflict ? t`Not saved: the course changed elsewhere.` : save.error?.message}
            onRetry={conflict ? undefined : () => submit()}
          />
        </div>
      </form>
      <CoverUpload course={course} />
    </div>
  );
}
