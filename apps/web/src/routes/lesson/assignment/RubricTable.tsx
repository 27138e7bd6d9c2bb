import { Trans } from "@lingui/react/macro";
import s from "./assignment.module.css";
import { criterionMax, maxPointsOf } from "./rubric-view";
import { levelName, type Rubric } from "./scores-form";

/** The rubric as it will be applied, readable before submitting: criteria and their levels. */
export function RubricTable({ rubric }: { rubric: Rubric }) {
  const total = maxPointsOf(rubric);
  return (
    <section className={s.panel} aria-labelledby="assignment-rubric">
      <h2 id="assignment-rubric" className={s.heading}>
        <Trans>Rubric</Trans>
      </h2>
      {rubric.length === 0 ? (
        <p className={s.muted}>
          <Trans>The instructor hasn't written the rubric yet.</Trans>
        </p>
      ) : (
        <>
          <p className={s.muted}>
            <Trans>
              Reviewers choose one level per criterion; your grade is, per criterion, the median of
              their choices — {total} points in all.
            </Trans>
          </p>
          <ol className={s.rubric}>
            {rubric.map((criterion) => (
              <li key={criterion.id} className={s.rubricCriterion}>
                <h3 className={s.subheading}>
                  <span translate="no">{criterion.title}</span>{" "}
                  <span className={s.muted}>
                    <Trans>(up to {criterionMax(criterion)} points)</Trans>
                  </span>
                </h3>
                {criterion.description && <p translate="no">{criterion.description}</p>}
                <dl className={s.rubricLevels}>
                  {criterion.levels.map((level) => (
                    <div key={level.id}>
                      <dt>{levelName(level)}</dt>
                      <dd>
                        {level.description ? (
                          <span translate="no">{level.description}</span>
                        ) : (
                          <span className={s.muted}>
                            <Trans>No description</Trans>
                          </span>
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
                {criterion.commentRequired && (
                  <p className={s.muted}>
                    <Trans>Reviewers must explain the level they choose.</Trans>
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
