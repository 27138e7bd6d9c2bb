import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { Button } from "../../../components/ui/Button";
import { trpc } from "../../../lib/trpc";
import { SecretDialog } from "../SecretDialog";
import { EndpointCard } from "./EndpointCard";
import { EndpointForm } from "./EndpointForm";
import type { Scope } from "./view";
import s from "./webhooks.module.css";

/** The endpoints of one scope (mine, or a course's), and adding one. */
export function EndpointList({ scope }: { scope: Scope }) {
  const { t } = useLingui();
  const input = scope.kind === "course" ? { courseId: scope.courseId } : {};
  const endpoints = useQuery(trpc.webhooks.list.queryOptions(input));
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const courseTitle = scope.kind === "course" ? scope.title : null;
  const title = courseTitle === null ? t`Your endpoints` : t`Endpoints for ${courseTitle}`;
  return (
    <section className={s.layout} aria-labelledby="endpoints">
      <h2 id="endpoints" className={s.sectionTitle}>
        {title}
      </h2>
      {endpoints.isPending ? (
        <LoadingState label={t`Loading endpoints…`} />
      ) : endpoints.isError ? (
        <ErrorState
          message={t`We could not load your webhook endpoints.`}
          onRetry={() => endpoints.refetch()}
        />
      ) : (
        <>
          {endpoints.data.length === 0 && !adding && (
            <EmptyState title={t`No endpoints yet`}>
              <p>
                <Trans>Add one to receive events as signed HTTP requests.</Trans>
              </p>
            </EmptyState>
          )}
          <div className={s.list}>
            {endpoints.data.map((endpoint) => (
              <EndpointCard key={endpoint.id} endpoint={endpoint} scope={scope} />
            ))}
          </div>
          {adding ? (
            <EndpointForm scope={scope} onCreated={setSecret} onDone={() => setAdding(false)} />
          ) : (
            <div>
              <Button variant="primary" onClick={() => setAdding(true)}>
                <Trans>Add an endpoint</Trans>
              </Button>
            </div>
          )}
        </>
      )}
      {secret && (
        <SecretDialog
          title={t`Endpoint added: its signing secret`}
          label={t`Secret`}
          warning={t`Configure your receiver with it to verify our signatures. Only you can reveal it again later.`}
          secret={secret}
          onClose={() => setSecret(null)}
        />
      )}
    </section>
  );
}
