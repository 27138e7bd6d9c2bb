import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Navigate, useLocation } from "react-router";
import { LoadingState } from "../../components/states";
import { SelectField } from "../../components/ui/Field";
import { canTeach } from "../../lib/navigation";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { SettingsNav } from "./SettingsNav";
import settings from "./settings.module.css";
import { EndpointList } from "./webhooks/EndpointList";
import type { Scope } from "./webhooks/view";
import s from "./webhooks/webhooks.module.css";

export function Component() {
  const session = useSession();
  const location = useLocation();
  const { t } = useLingui();
  useDocumentTitle(t`Webhooks`);
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  return <Webhooks teaches={canTeach(session.data.role)} />;
}

function Webhooks({ teaches }: { teaches: boolean }) {
  const [scope, setScope] = useState<Scope>({ kind: "mine" });
  return (
    <>
      <div className={settings.heading}>
        <h1>
          <Trans>Webhooks</Trans>
        </h1>
        <p className="lede">
          <Trans>
            Lumen sends events (enrollments, completions, certificates) to your endpoints as signed
            HTTP requests, retrying failures with increasing waits.
          </Trans>
        </p>
      </div>
      <SettingsNav />
      <div className={s.layout}>
        {teaches && <ScopePicker scope={scope} onChange={setScope} />}
        <EndpointList key={scope.kind === "course" ? scope.courseId : "mine"} scope={scope} />
      </div>
    </>
  );
}

/** Instructors choose between their own events and those of a course they teach. */
function ScopePicker({ scope, onChange }: { scope: Scope; onChange: (scope: Scope) => void }) {
  const { t } = useLingui();
  const courses = useQuery(trpc.authoring.myCourses.queryOptions({ pageSize: 100 }));
  const items = courses.data?.items ?? [];
  return (
    <div className={s.scope}>
      <SelectField
        id="scope"
        label={t`Events about`}
        hint={
          courses.isError
            ? t`We could not load your courses; your own events are shown.`
            : t`Your own learning, or everything that happens in a course you teach.`
        }
        value={scope.kind === "course" ? scope.courseId : ""}
        onChange={(event) => {
          const course = items.find((c) => c.id === event.target.value);
          onChange(
            course
              ? { kind: "course", courseId: course.id, title: course.title }
              : { kind: "mine" },
          );
        }}
        options={[
          { value: "", label: t`Me` },
          ...items.map(({ id, title }) => ({ value: id, label: t`Course: ${title}` })),
        ]}
      />
    </div>
  );
}
