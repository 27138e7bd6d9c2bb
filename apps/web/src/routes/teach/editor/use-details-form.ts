import { type FormEvent, useState } from "react";
import type { FieldErrors } from "../../../lib/auth-validation";
import { apiErrorCode, apiFieldErrors, trpcClient } from "../../../lib/trpc";
import { type EditableCourse, patchCourse } from "../api";
import {
  type CourseField,
  type CourseFormValues,
  changedFields,
  firstInvalid,
  validateCourseForm,
} from "../course-form";
import { toCoursePatch } from "../course-input";
import { fieldId } from "../editor-targets";
import { currentUpdatedAt, useCourseMutation } from "./use-course-mutation";
import { useReportDirty } from "./use-unsaved-changes-guard";

export function formValues(course: EditableCourse): CourseFormValues {
  const { title, subtitle, description, category, level, language, tags } = course;
  return { title, subtitle, description, category, level, language, tags };
}

const focusField = (field: CourseField | undefined) =>
  field && document.getElementById(fieldId(field))?.focus();

/**
 * The details form: edits kept locally against the last saved values, only changed fields
 * sent, with the course's newest `updatedAt` so a concurrent save elsewhere is refused
 * (CONFLICT) instead of silently overwritten.
 */
export function useDetailsForm(course: EditableCourse) {
  const [baseline, setBaseline] = useState(() => formValues(course));
  const [values, setValues] = useState(baseline);
  const [errors, setErrors] = useState<FieldErrors<CourseField>>({});
  const changed = changedFields(baseline, values);
  const dirty = Object.keys(changed).length > 0;
  useReportDirty("details", dirty);

  const save = useCourseMutation(course.id, {
    send: (patch: NonNullable<ReturnType<typeof toCoursePatch>>) =>
      trpcClient.authoring.updateCourse.mutate({
        courseId: course.id,
        expectedUpdatedAt: currentUpdatedAt(course.id),
        ...patch,
      }),
    onSuccess: (result, patch) => {
      patchCourse(course.id, (c) => ({ ...c, ...patch, slug: result.slug }));
      setBaseline((b) => ({ ...b, ...patch }));
    },
  });

  const set = <K extends CourseField>(field: K, value: CourseFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const found = validateCourseForm(values);
    setErrors(found);
    if (firstInvalid(found)) return focusField(firstInvalid(found));
    const patch = toCoursePatch(changed, values);
    if (!patch || !dirty) return;
    save.mutate(patch, {
      onError: (error) => {
        const server = apiFieldErrors(error);
        setErrors(server);
        focusField(firstInvalid(server));
      },
    });
  };
  const reload = (fresh: EditableCourse) => {
    setBaseline(formValues(fresh));
    setValues(formValues(fresh));
    setErrors({});
    save.reset();
  };
  const conflict = save.isError && apiErrorCode(save.error) === "CONFLICT";
  return { values, errors, dirty, set, submit, reload, save, conflict };
}
