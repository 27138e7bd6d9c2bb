import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Navigate, useLocation } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { ButtonLink } from "../../components/ui/Button";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useProgressQueue } from "../learn/api";
import { CertificateCard } from "../learn/CertificateCard";
import { CourseProgressList } from "./CourseProgressList";
import s from "./my-learning.module.css";
import { ProgressSummary } from "./ProgressSummary";

export function Component() {
  const session = useSession();
  const location = useLocation();
  const { t } = useLingui();
  useDocumentTitle(t`My learning`);
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  return <MyLearning />;
}

function MyLearning() {
  // Whatever an earlier page left unsent goes out first; its acknowledgement refreshes these.
  useProgressQueue(true);
  const { t } = useLingui();
  const progress = useQuery(trpc.progress.mine.queryOptions());
  const certificates = useQuery(trpc.certificates.mine.queryOptions());
  const enrollments = useQuery(trpc.enrollment.mine.queryOptions());
  return (
    <>
      <div className={s.heading}>
        <h1>
          <Trans>My learning</Trans>
        </h1>
        <p className="lede">
          <Trans>Your courses, your progress and your certificates.</Trans>
        </p>
      </div>
      {progress.isPending ? (
        <LoadingState label={t`Loading your progress…`} />
      ) : progress.isError ? (
        <ErrorState
          message={t`We could not load your progress.`}
          onRetry={() => progress.refetch()}
        />
      ) : progress.data.courses.length === 0 ? (
        <EmptyState title={t`No courses yet`}>
          <p>
            <Trans>Courses you enroll in appear here, with your progress in each.</Trans>
          </p>
          <ButtonLink to="/" variant="primary">
            <Trans>Browse the catalog</Trans>
          </ButtonLink>
        </EmptyState>
      ) : (
        <>
          <ProgressSummary overall={progress.data.overall} />
          <section className={s.section} aria-labelledby="my-courses-heading">
            <h2 id="my-courses-heading">
              <Trans>Your courses</Trans>
            </h2>
            <CourseProgressList courses={progress.data.courses} enrollments={enrollments.data} />
          </section>
        </>
      )}
      <section className={s.section} aria-labelledby="my-certificates-heading">
        <h2 id="my-certificates-heading">
          <Trans>Certificates</Trans>
        </h2>
        {certificates.isPending ? (
          <LoadingState label={t`Loading your certificates…`} />
        ) : certificates.isError ? (
          <ErrorState
            message={t`We could not load your certificates.`}
            onRetry={() => certificates.refetch()}
          />
        ) : certificates.data.length === 0 ? (
          <p className="muted">
            <Trans>
              Finish a course and pass its required quizzes to earn a certificate you can share.
            </Trans>
          </p>
        ) : (
          <ul className={s.certificates}>
            {certificates.data.map((certificate) => (
              <li key={certificate.id} id={`certificate-${certificate.id}`}>
                <CertificateCard certificate={certificate} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
