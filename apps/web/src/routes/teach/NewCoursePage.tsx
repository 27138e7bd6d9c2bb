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
import { CATEGORY_OPTIONS, LANGUAGE_OPTIONS, LEVEL_OPTIONS } from "./taxonomy-options";
import s from "./teach.module.css";

export function Component() {
  useDocumentTitle("New course");
  return (
    <RequireInstructor>
      <NewCourseForm />
    </RequireInstructor>
  );
}

function NewCourseForm() {
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
          <Link to="/teach">Your courses</Link>
        </li>
      </Breadcrumb>
      <h1>New course</h1>
      <p className="lede">
        A title and a subject are enough to start. It stays a draft until you publish it.
      </p>
      <form className={s.formCard} noValidate onSubmit={onSubmit}>
        {generalError && (
          <FormError>
            {create.error?.message || "We could not create the course. Please try again."}
          </FormError>
        )}
        <TextField
          id={fieldId("title")}
          label="Title"
          required
          maxLength={COURSE_LIMITS.titleMax}
          error={errors.title}
          hint="What learners will search for, e.g. “Python for Data Analysis”."
        />
        <TextField
          id={fieldId("subtitle")}
          label="Subtitle (optional)"
          maxLength={COURSE_LIMITS.subtitleMax}
          error={errors.subtitle}
          hint="One sentence on who it is for and what they will be able to do."
        />
        <div className={f.row}>
          <SelectField
            id={fieldId("category")}
            label="Category"
            required
            options={CATEGORY_OPTIONS}
            placeholder="Choose a category"
            defaultValue=""
            error={errors.category}
          />
          <SelectField
            id={fieldId("level")}
            label="Level"
            options={LEVEL_OPTIONS}
            defaultValue="beginner"
            error={errors.level}
          />
          <SelectField
            id={fieldId("language")}
            label="Language"
            options={LANGUAGE_OPTIONS}
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
            {create.isPending ? "Creating…" : "Create course"}
          </button>
          <ButtonLink to="/teach" variant="ghost">
            Cancel
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}
