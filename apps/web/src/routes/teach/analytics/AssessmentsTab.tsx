import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Badge } from "../../../components/ui/Badge";
import { trpc } from "../../../lib/trpc";
import { backlogPath } from "../backlog/backlog-view";
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
  const overview = useQuery(trpc.analytics.assessments.queryOptions({ courseId }));
  return (
    <div className={s.tab}>
      <AsOf asOf={overview.data?.asOf} />
      <QueryStates
        query={overview}
        what="the assessments"
        empty={isEmpty}
        emptyTitle="No assessments yet"
      >
        {(data) => <AssessmentsView courseId={courseId} data={data} />}
      </QueryStates>
    </div>
  );
}

const isEmpty = (data: AssessmentsOverview) =>
  data.quizzes.length + data.exercises.length + data.assignments.length === 0;

function AssessmentsView({ courseId, data }: { courseId: string; data: AssessmentsOverview }) {
  const [picked, setPicked] = useState<string | null>(null);
  const quizId =
    picked ?? data.quizzes.find((q) => q.attempts > 0)?.lessonId ?? data.quizzes[0]?.lessonId;
  return (
    <>
      {data.quizzes.length > 0 && (
        <section aria-labelledby="quizzes-heading" className={s.tab}>
          <div className={s.figureHead}>
            <h2 id="quizzes-heading">Quizzes</h2>
            <CsvLink href={csvHref(courseId, "quizzes")} what="the quizzes" />
          </div>
          <DataTable
            table={{
              caption: "Quizzes: attempts, pass rate and average score",
              columns: [
                { label: "Quiz" },
                { label: "Attempts", numeric: true },
                { label: "Pass rate", numeric: true },
                { label: "Average score", numeric: true },
                { label: "Details" },
              ],
              rows: data.quizzes.map((quiz) => ({
                key: quiz.lessonId,
                cells: [
                  quiz.title,
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
                    Questions<span className="visually-hidden"> of {quiz.title}</span>
                  </button>,
                ],
              })),
            }}
          />
          {quizId && <QuizDetail courseId={courseId} lessonId={quizId} />}
        </section>
      )}
      {data.exercises.length > 0 && <Exercises data={data} />}
      {data.assignments.length > 0 && <Assignments courseId={courseId} data={data} />}
    </>
  );
}

function ScoreChart({ quiz }: { quiz: QuizSummary }) {
  const data = quiz.scoreBands.map((count, i) => ({ band: BAND_LABELS[i] ?? "", count }));
  return (
    <ChartFigure
      title={`Score distribution of ${quiz.title}`}
      summary={`${bandsSummary(quiz.scoreBands, "attempts")} Pass rate ${formatShare(quiz.passRate)}, average ${quiz.averageScore === null ? "—" : `${formatNumber(quiz.averageScore)} %`}.`}
      table={{
        caption: `Score distribution of ${quiz.title}`,
        columns: [{ label: "Score" }, { label: "Attempts", numeric: true }],
        rows: data.map((d) => ({ key: d.band, cells: [d.band, d.count] })),
      }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} title={`Score distribution of ${quiz.title}`}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="band" interval={0} angle={-30} textAnchor="end" height={56} />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip {...TOOLTIP} />
          <Bar dataKey="count" name="Attempts" fill={SERIES.primary} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function QuizDetail({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const quiz = useQuery(trpc.analytics.quiz.queryOptions({ courseId, lessonId }));
  if (quiz.isPending) return <TabSkeleton label="Loading this quiz's questions…" />;
  if (quiz.isError) return <TabError what="this quiz's questions" onRetry={() => quiz.refetch()} />;
  return (
    <>
      <ScoreChart quiz={quiz.data} />
      <QuestionsTable quiz={quiz.data} csv={csvHref(courseId, "quiz", { lessonId })} />
    </>
  );
}

function QuestionsTable({ quiz, csv }: { quiz: QuizAnalytics; csv: string }) {
  const flagged = quiz.questions.filter((q) => reviewReasons(q).length > 0).length;
  return (
    <section aria-labelledby="questions-heading" className={s.tab}>
      <div className={s.figureHead}>
        <h3 id="questions-heading">Questions of {quiz.title}</h3>
        <CsvLink href={csv} what={`the questions of ${quiz.title}`} />
      </div>
      <p className={s.summary}>
        Difficulty is the share of attempts that got a question right; discrimination compares the
        top and bottom scorers (about 27 % each).{" "}
        {flagged === 0
          ? "No question needs a second look."
          : `${flagged} of ${quiz.questions.length} ${flagged === 1 ? "needs" : "need"} a second look.`}
      </p>
      <DataTable
        table={{
          caption: `Questions of ${quiz.title}`,
          columns: [
            { label: "Question" },
            { label: "Attempts", numeric: true },
            { label: "Difficulty", numeric: true },
            { label: "Discrimination", numeric: true },
            { label: "Most chosen wrong option" },
            { label: "Review" },
          ],
          rows: quiz.questions.map((q) => {
            const reasons = reviewReasons(q);
            return {
              key: q.questionId,
              flagged: reasons.length > 0,
              cells: [
                `${q.position}. ${q.prompt}`,
                formatNumber(q.attempts),
                formatShare(q.difficulty),
                q.discrimination === null ? "—" : formatNumber(q.discrimination, 2),
                q.mostChosenWrong
                  ? `${q.mostChosenWrong.text} (${formatShare(q.mostChosenWrong.share)})`
                  : "—",
                reasons.length > 0 ? (
                  <>
                    <Badge tone="warning">Review this question</Badge> {reasons.join("; ")}
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

function Exercises({ data }: { data: AssessmentsOverview }) {
  const verdicts = [...new Set(data.exercises.flatMap((e) => Object.keys(e.verdicts)))].sort();
  return (
    <section aria-labelledby="exercises-heading" className={s.tab}>
      <h2 id="exercises-heading">Exercises</h2>
      <DataTable
        table={{
          caption: "Exercises: submissions and verdicts",
          columns: [
            { label: "Exercise" },
            { label: "Learners", numeric: true },
            { label: "Submissions", numeric: true },
            { label: "Pass rate", numeric: true },
            ...verdicts.map((v) => ({ label: v, numeric: true })),
          ],
          rows: data.exercises.map((e) => ({
            key: e.lessonId,
            cells: [
              e.title,
              formatNumber(e.learners),
              formatNumber(e.submissions),
              formatShare(e.passRate),
              ...verdicts.map((v) => formatNumber(e.verdicts[v] ?? 0)),
            ],
          })),
        }}
      />
    </section>
  );
}

function Assignments({ courseId, data }: { courseId: string; data: AssessmentsOverview }) {
  return (
    <section aria-labelledby="assignments-heading" className={s.tab}>
      <h2 id="assignments-heading">Assignments</h2>
      <DataTable
        table={{
          caption: "Assignments: grades and backlog",
          columns: [
            { label: "Assignment" },
            { label: "Submitted", numeric: true },
            { label: "Graded", numeric: true },
            { label: "Grades" },
            { label: "Awaiting reviews", numeric: true },
            { label: "Awaiting a grade", numeric: true },
            { label: "Backlog" },
          ],
          rows: data.assignments.map((a) => ({
            key: a.lessonId,
            cells: [
              a.title,
              formatNumber(a.submitted),
              formatNumber(a.graded),
              bandsSummary(a.gradeBands, "grades"),
              formatNumber(a.backlog.awaitingReviews),
              formatNumber(a.backlog.awaitingGrade),
              <Link key="backlog" to={backlogPath(courseId, a.lessonId)}>
                Open the backlog<span className="visually-hidden"> of {a.title}</span>
              </Link>,
            ],
          })),
        }}
      />
    </section>
  );
}
