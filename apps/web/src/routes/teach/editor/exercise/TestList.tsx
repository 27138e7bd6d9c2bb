import type { MessageDescriptor } from "@lingui/core";
import { msg, plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { buttonClass } from "../../../../components/ui/Button";
import { cx } from "../../../../components/ui/cx";
import {
  describedBy,
  FieldShell,
  fieldStyles as f,
  TextField,
} from "../../../../components/ui/Field";
import { ConfirmDelete } from "../ConfirmDelete";
import { focusAfterMove, MoveButtons } from "../MoveButtons";
import o from "../outline.module.css";
import { newTest, type TestDraft, type TestStyle, testFieldId } from "./exercise-editor";
import s from "./exercise-editor.module.css";
import { addTest, moveTest, removeTest } from "./exercise-editor-edits";
import { EXERCISE_LIMITS, type TestErrors } from "./exercise-editor-validate";
import type { ExerciseForm } from "./use-exercise-form";

/** The tests, in the order they run; each a card, added, moved and deleted here. */
export function TestList({ form }: { form: ExerciseForm }) {
  const { t } = useLingui();
  const { tests } = form.draft;
  const count = tests.length;
  const headingId = `exercise-tests-${form.lessonId}`;
  const totalPoints = tests.reduce((sum, test) => sum + (Number(test.points) || 0), 0);
  const samples = tests.filter((test) => test.sample).length;
  const full = count >= EXERCISE_LIMITS.testsMax;
  const add = () => {
    const test = newTest(tests);
    form.setDraft((d) => addTest(d, test));
    form.focus(testFieldId(test.key, "input"));
  };
  return (
    <section className={s.tests} aria-labelledby={headingId}>
      <h5 id={headingId} tabIndex={-1}>
        <Trans>Tests</Trans>{" "}
        <span className="muted">
          {t`(${plural(count, { one: "# test", other: "# tests" })}, ${plural(samples, { one: "# sample", other: "# samples" })}, ${plural(totalPoints, { one: "# point", other: "# points" })})`}
        </span>
      </h5>
      {count === 0 ? (
        <p className="muted">
          <Trans>No tests yet. Add the first one below.</Trans>
        </p>
      ) : (
        <ol className={s.testList}>
          {tests.map((test, index) => (
            <li key={test.key}>
              <TestCard
                form={form}
                test={test}
                index={index}
                last={index === count - 1}
                errors={form.errors.tests[test.key]}
                headingId={headingId}
              />
            </li>
          ))}
        </ol>
      )}
      <div className={s.addTest}>
        <button
          type="button"
          className={buttonClass({ variant: "secondary", size: "small" })}
          disabled={full}
          onClick={add}
        >
          <Trans>Add a test</Trans>
        </button>
        {full && (
          <span className={f.hint}>
            <Trans>An exercise can have at most 50 tests.</Trans>
          </span>
        )}
      </div>
    </section>
  );
}

const FORMAT_HINTS: Record<TestStyle, { input: MessageDescriptor; expected: MessageDescriptor }> = {
  stdio: {
    input: msg`What the program reads on standard input.`,
    expected: msg`What the program must print.`,
  },
  function: {
    input: msg`The arguments as a JSON array, e.g. [2, 3] or ["text", true].`,
    expected: msg`The return value as JSON, e.g. 5, "ok", [1, 2] or null.`,
  },
};

function TestCard({
  form,
  test,
  index,
  last,
  errors = {},
  headingId,
}: {
  form: ExerciseForm;
  test: TestDraft;
  index: number;
  last: boolean;
  errors?: TestErrors | undefined;
  headingId: string;
}) {
  const { t } = useLingui();
  const { key } = test;
  const id = (field: string) => testFieldId(key, field);
  const number = index + 1;
  const name = t`test ${number}`;
  const style = form.draft.settings.style;
  const hints = FORMAT_HINTS[style];
  const stdio = style === "stdio";
  const move = (delta: -1 | 1) => {
    form.setDraft((d) => moveTest(d, index, delta));
    const to = index + delta;
    const canAgain = delta === -1 ? to > 0 : to < form.draft.tests.length - 1;
    form.focus(focusAfterMove(key, delta, canAgain));
  };
  const remove = () => {
    form.setDraft((d) => removeTest(d, key));
    form.focus(headingId);
  };
  return (
    <fieldset className={s.card}>
      <legend className={s.cardLegend}>
        {test.sample ? (
          <Trans>
            Test {number}
            <span className="visually-hidden">, sample</span>
          </Trans>
        ) : (
          <Trans>
            Test {number}
            <span className="visually-hidden">, hidden</span>
          </Trans>
        )}
      </legend>
      <div className={s.toolbar}>
        <fieldset className={s.visibility}>
          <legend className="visually-hidden">
            <Trans>Who sees test {number}</Trans>
          </legend>
          {[true, false].map((sample) => (
            <span key={String(sample)} className={f.check}>
              <input
                id={id(sample ? "sample" : "hidden")}
                type="radio"
                name={id("visibility")}
                checked={test.sample === sample}
                onChange={() => form.setTest(key, { sample })}
              />
              <label htmlFor={id(sample ? "sample" : "hidden")}>
                {sample ? <Trans>Sample (learners see it)</Trans> : <Trans>Hidden</Trans>}
              </label>
            </span>
          ))}
        </fieldset>
        <TextField
          id={id("points")}
          label={t`Points`}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          className={s.points}
          value={test.points}
          error={errors.points}
          onChange={(e) => form.setTest(key, { points: e.target.value })}
        />
        <span className={cx(o.rowActions, s.toolbarActions)}>
          <MoveButtons id={key} name={name} canUp={index > 0} canDown={!last} onMove={move} />
          <ConfirmDelete
            label={t`Delete ${name}`}
            question={t`Delete ${name}?`}
            onConfirm={remove}
          />
        </span>
      </div>
      <div className={s.io}>
        <CodeText
          id={id("input")}
          label={stdio ? t`Input (stdin)` : t`Arguments (JSON array)`}
          hint={t(hints.input)}
          value={test.input}
          error={errors.input}
          onChange={(input) => form.setTest(key, { input })}
        />
        <CodeText
          id={id("expected")}
          label={stdio ? t`Expected output (stdout)` : t`Expected return value (JSON)`}
          hint={t(hints.expected)}
          value={test.expected}
          error={errors.expected}
          onChange={(expected) => form.setTest(key, { expected })}
        />
      </div>
    </fieldset>
  );
}

/** A monospace textarea for a test's input or expected output: typed as is, never trimmed. */
function CodeText({
  id,
  label,
  hint,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className={s.mono}
        rows={3}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}
