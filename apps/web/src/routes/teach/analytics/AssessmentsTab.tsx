import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Badge } from "../../../components/ui/Badge";
import { trpc } from "../../../lib/trpc";
import { Assignments, Exercises } from "./AssessmentTables";
import s from "./analytics.module.css";
import {
  type AssessmentsOverview,
  BAND_LABELS,
  bandsSummary,
  csvHref,
  formatNumber,
  formatShare,
  type QuizAnalytics,
  type QuizSummary,
  reviewReasons,
} from "./analytics-view";
import {
  AsOf,
  ChartFigure,
  CsvLink,
  DataTable,
  QueryStates,
  SERIES,
  TabError,
  TabSkeleton,
  TOOLTIP,
} from "./parts";

/** Quizzes (scores and questions), exercises (verdicts) and assignments (grades, backlog). */
export function AssessmentsTab({ courseId }: { courseId: string }) {
  const { t } = useLingui();
  const overview = useQuery(trpc.analytics.assessments.queryOptions({ courseId }));
  return (
    <div className={s.tab}>
      <AsOf asOf={overview.data?.asOf} />
      <QueryStates
        query={overview}
        what={t`the assessments`}
        empty={isEmpty}
        emptyTitle={t`No assessments yet`}
      >
        {(data) => <AssessmentsView courseId={courseId} data={data} />}
      </QueryStates>
    </div>
  );
}

const isEmpty = (data: AssessmentsOverview) =>
  data.quizzes.length + data.exercises.length + data.assignments.length === 0;

function AssessmentsView({ courseId, data }: { courseId: string; data: AssessmentsOverview }) {
  const { t } = useLingui();
  const [picked, setPicked] = useState<string | null>(null);
  const quizId =
    picked ?? data.quizzes.find((q) => q.attempts > 0)?.lessonId ?? data.quizzes[0]?.lessonId;
  return (
    <>
      {data.quizzes.length > 0 && (
        <section aria-labelledby="quizzes-heading" className={s.tab}>
          <div className={s.figureHead}>
            <h2 id="quizzes-heading">
              <Trans>Quizzes</Trans>
            </h2>
            <CsvLink href={csvHref(courseId, "quizzes")} what={t`the quizzes`} />
          </div>
          <DataTable
            table={{
              caption: t`Quizzes: attempts, pass rate and average score`,
              columns: [
                { label: t`Quiz` },
                { label: t`Attempts`, numeric: true },
                { label: t`Pass rate`, numeric: true },
                { label: t`Average score`, numeric: true },
                { label: t`Details` },
              ],
              rows: data.quizzes.map((quiz) => ({
                key: quiz.lessonId,
                cells: [
                  <span key="title" translate="no">
                    {quiz.title}
                  </span>,
                  formatNumber(quiz.attempts),
                  formatShare(quiz.passRate),
                  quiz.averageScore === null ? "—" : `${formatNumber(quiz.averageScore)} %`,
                  <button
                    key="pick"
                    type="button"
                    className={s.sortButton}
                    aria-pressed={quiz.lessonId === quizId}
                    onClick={() => setPicked(quiz.lessonId)}
                  >
                    <Trans>
                      Questions
                      <span className="visually-hidden">
                        {" "}
                        of <span translate="no">{quiz.title}</span>
                      </span>
                    </Trans>
                  </button>,
                ],
              })),
            }}
          />
          {quizId && <QuizDetail courseId={courseId} lessonId={quizId} />}
        </section>
      )}
      {data.exercises.length > 0 && <Exercises courseId={courseId} data={data} />}
      {data.assignments.length > 0 && <Assignments courseId={courseId} data={data} />}
    </>
  );
}

function ScoreChart({ quiz }: { quiz: QuizSummary }) {
  const { t } = useLingui();
  const data = quiz.scoreBands.map((count, i) => ({ band: BAND_LABELS[i] ?? "", count }));
  const title = t`Score distribution of ${quiz.title}`;
  const bands = bandsSummary(quiz.scoreBands, "attempts");
  const passRate = formatShare(quiz.passRate);
  const average = quiz.averageScore === null ? "—" : `${formatNumber(quiz.averageScore)} %`;
  return (
    <ChartFigure
      title={title}
      summary={t`${bands} Pass rate ${passRate}, average ${average}.`}
      table={{
        caption: title,
        columns: [{ label: t`Score` }, { label: t`Attempts`, numeric: true }],
        rows: data.map((d) => ({ key: d.band, cells: [d.band, d.count] })),
      }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} title={title}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="band" interval={0} angle={-30} textAnchor="end" height={56} />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip {...TOOLTIP} />
          <Bar dataKey="count" name={t`Attempts`} fill={SERIES.primary} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function QuizDetail({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const { t } = useLingui();
  const quiz = useQuery(trpc.analytics.quiz.queryOptions({ courseId, lessonId }));
  if (quiz.isPending) return <TabSkeleton label={t`Loading this quiz's questions…`} />;
  if (quiz.isError)
    return <TabError what={t`this quiz's questions`} onRetry={() => quiz.refetch()} />;
  return (
    <>
      <ScoreChart quiz={quiz.data} />
      <QuestionsTable quiz={quiz.data} csv={csvHref(courseId, "quiz", { lessonId })} />
    </>
  );
}

function QuestionsTable({ quiz, csv }: { quiz: QuizAnalytics; csv: string }) {
  const { t } = useLingui();
  const flagged = quiz.questions.filter((q) => reviewReasons(q).length > 0).length;
  const total = quiz.questions.length;
  const title = quiz.title;
  return (
    <section aria-labelledby="questions-heading" className={s.tab}>
      <div className={s.figureHead}>
        <h3 id="questions-heading">
          <Trans>
            Questions of <span translate="no">{title}</span>
          </Trans>
        </h3>
        <CsvLink href={csv} what={t`the questions of ${title}`} />
      </div>
      <p className={s.summary}>
        <Trans>
          Difficulty is the share of attempts that got a question right; discrimination compares the
          top and bottom scorers (about 27 % each).
        </Trans>{" "}
        {flagged === 0
          ? t`No question needs a second look.`
          : t`${plural(flagged, {
              one: `# of ${total} needs a second look.`,
              other: `# of ${total} need a second look.`,
            })}`}
      </p>
      <DataTable
        table={{
          caption: t`Questions of ${title}`,
          columns: [
            { label: t`Question` },
            { label: t`Attempts`, numeric: true },
            { label: t`Difficulty`, numeric: true },
            { label: t`Discrimination`, numeric: true },
            { label: t`Most chosen wrong option` },
            { label: t`Review` },
          ],
          rows: quiz.questions.map((q) => {
            const reasons = reviewReasons(q);
            return {
              key: q.questionId,
              flagged: reasons.length > 0,
              cells: [
                <span key="prompt">
                  {q.position}. <span translate="no">{q.prompt}</span>
                </span>,
                formatNumber(q.attempts),
                formatShare(q.difficulty),
                q.discrimination === null ? "—" : formatNumber(q.discrimination, 2),
                q.mostChosenWrong ? (
                  <span key="wrong">
                    <span translate="no">{q.mostChosenWrong.text}</span> (
                    {formatShare(q.mostChosenWrong.share)})
                  </span>
                ) : (
                  "—"
                ),
                reasons.length > 0 ? (
                  <>
                    <Badge tone="warning">
                      <Trans>Review this question</Trans>
                    </Badge>{" "}
                    {reasons.join("; ")}
                  </>
                ) : (
                  "—"
                ),
              ],
            };
          }),
        }}
      />
    </section>
  );
}
