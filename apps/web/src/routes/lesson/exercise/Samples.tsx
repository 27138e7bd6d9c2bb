import { Plural, Trans, useLingui } from "@lingui/react/macro";
import s from "./exercise.module.css";
import type { LearnerExercise } from "./exercise-view";

/** The sample tests: what the program is given and what it should print. */
export function Samples({ samples }: { samples: LearnerExercise["samples"] }) {
  const { t } = useLingui();
  return (
    <section className={s.samples} aria-labelledby="exercise-samples-heading">
      <h2 id="exercise-samples-heading" className={s.heading}>
        <Plural value={samples.length} one="Example" other="Examples" />
      </h2>
      <ol className={s.sampleList}>
        {samples.map((sample, index) => (
          <li key={sample.testId} className={s.sample}>
            <h3 className={s.sampleTitle}>
              <Trans>Sample {index + 1}</Trans>
            </h3>
            <div className={s.io}>
              <IoBlock label={t`Input`} text={sample.input} />
              <IoBlock label={t`Expected output`} text={sample.expected} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function IoBlock({ label, text }: { label: string; text: string }) {
  return (
    <figure className={s.ioBlock}>
      <figcaption className={s.ioLabel}>{label}</figcaption>
      {text === "" ? (
        <p className={s.empty}>
          <Trans>(empty)</Trans>
        </p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide output scrolls; keyboard users need to reach it
        <pre className={s.pre} tabIndex={0} translate="no">
          {text}
        </pre>
      )}
    </figure>
  );
}
