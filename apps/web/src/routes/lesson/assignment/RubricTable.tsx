import s from "./assignment.module.css";
import { criterionMax, maxPointsOf } from "./rubric-view";
import { levelName, type Rubric } from "./scores-form";

/** The rubric as it will be applied, readable before submitting: criteria and their levels. */
export function RubricTable({ rubric }: { rubric: Rubric }) {
  return (
    <section className={s.panel} aria-labelledby="assignment-rubric">
      <h2 id="assignment-rubric" className={s.heading}>
        Rubric
      </h2>
      {rubric.length === 0 ? (
        <p className={s.muted}>The instructor hasn't written the rubric yet.</p>
      ) : (
        <>
          <p className={s.muted}>
            Reviewers choose one level per criterion; your grade is, per criterion, the median of
            their choices — {maxPointsOf(rubric)} points in all.
          </p>
          <ol className={s.rubric}>
            {rubric.map((criterion) => (
              <li key={criterion.id} className={s.rubricCriterion}>
                <h3 className={s.subheading}>
                  {criterion.title}{" "}
                  <span className={s.muted}>(up to {criterionMax(criterion)} points)</span>
                </h3>
                {criterion.description && <p>{criterion.description}</p>}
                <dl className={s.rubricLevels}>
                  {criterion.levels.map((level) => (
                    <div key={level.id}>
                      <dt>{levelName(level)}</dt>
                      <dd>
                        {level.description || <span className={s.muted}>No description</span>}
                      </dd>
                    </div>
                  ))}
                </dl>
                {criterion.commentRequired && (
                  <p className={s.muted}>Reviewers must explain the level they choose.</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
