import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Breadcrumb } from "../../components/Breadcrumb";
import { ButtonLink, buttonClass } from "../../components/ui/Button";
import { FormError, fieldStyles as f, SelectField, TextField } from "../../components/ui/Field";
import type { FieldErrors } from "../../lib/auth-validation";
import { apiFieldErrors, trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { refreshCourse } from "./api";
import { COURSE_LIMITS, type CourseField, firstInvalid, validateCourseForm } from "./course-form";
import { toCourseInput } from "./course-input";
import { fieldId } from "./editor-targets";
import { RequireInstructor } from "./RequireInstructor";
import { useTaxonomyOptions } from "./taxonomy-options";
import s from "./teach.module.css";

export function Component() {
  const { t } = useLingui();
  useDocumentTitle(t`New course`);
  return (
    <RequireInstructor>
      <NewCourseForm />
    </RequireInstructor>
  );
}

function NewCourseForm() {
  const { t } = useLingui();
  const options = useTaxonomyOptions();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FieldErrors<CourseField>>({});
  const create = useMutation(
    trpc.authoring.createCourse.mutationOptions({
      onSuccess: async ({ id }) => {
        await refreshCourse(id);
        navigate(`/teach/courses/${id}`);
      },
      onError: (error) => showErrors(apiFieldErrors(error)),
    }),
  );
  const showErrors = (found: FieldErrors<CourseField>) => {
    setErrors(found);
    const first = firstInvalid(found);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const read = (field: CourseField) => String(data.get(fieldId(field)) ?? "");
    const values = {
      title: read("title"),
      subtitle: read("subtitle"),
      description: "",
      category: read("category"),
      level: read("level"),
      language: read("language"),
      tags: [],
    };
    const found = validateCourseForm(values);
    showErrors(found);
    const input = toCourseInput(values);
    if (!firstInvalid(found) && input) create.mutate(input);
  };

  const generalError = create.isError && Object.keys(apiFieldErrors(create.error)).length === 0;
  return (
    <div className={s.narrow}>
      <Breadcrumb>
        <li>
          <Link to="/teach">
            <Trans>Your courses</Trans>
          </Link>
        </li>
      </Breadcrumb>
      <h1>
        <Trans>New course</Trans>
      </h1>
      <p className="lede">
        <Trans>
          A title and a subject are enough to start. It stays a draft until you publish it.
        </Trans>
      </p>
      <form className={s.formCard} noValidate onSubmit={onSubmit}>
        {generalError && (
          <FormError>
            {create.error?.message || t`We could not create the course. Please try again.`}
          </FormError>
        )}
        <TextField
          id={fieldId("title")}
          label={t`Title`}
          required
          maxLength={COURSE_LIMITS.titleMax}
          error={errors.title}
          hint={t`What learners will search for, e.g. “Python for Data Analysis”.`}
        />
        <TextField
          id={fieldId("subtitle")}
          label={t`Subtitle (optional)`}
          maxLength={COURSE_LIMITS.subtitleMax}
          error={errors.subtitle}
          hint={t`One sentence on who it is for and what they will be able to do.`}
        />
        <div className={f.row}>
          <SelectField
            id={fieldId("category")}
            label={t`Category`}
            required
            options={options.categories}
            placeholder={t`Choose a category`}
            defaultValue=""
            error={errors.category}
          />
          <SelectField
            id={fieldId("level")}
            label={t`Level`}
            options={options.levels}
            defaultValue="beginner"
            error={errors.level}
          />
          <SelectField
            id={fieldId("language")}
            label={t`Language`}
            options={options.languages}
            defaultValue="en"
            error={errors.language}
          />
        </div>
        <div className={f.actions}>
          <button
            type="submit"
            className={buttonClass({ variant: "primary" })}
            disabled={create.isPending}
          >
            {create.isPending ? <Trans>Creating…</Trans> : <Trans>Create course</Trans>}
          </button>
          <ButtonLink to="/teach" variant="ghost">
            <Trans>Cancel</Trans>
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}
