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
  useDocumentTitle("Webhooks");
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  return <Webhooks teaches={canTeach(session.data.role)} />;
}

function Webhooks({ teaches }: { teaches: boolean }) {
  const [scope, setScope] = useState<Scope>({ kind: "mine" });
  return (
    <>
      <div className={settings.heading}>
        <h1>Webhooks</h1>
        <p className="lede">
          Lumen sends events (enrollments, completions, certificates) to your endpoints as signed
          HTTP requests, retrying failures with increasing waits.
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
  const courses = useQuery(trpc.authoring.myCourses.queryOptions({ pageSize: 100 }));
  const items = courses.data?.items ?? [];
  return (
    <div className={s.scope}>
      <SelectField
        id="scope"
        label="Events about"
        hint={
          courses.isError
            ? "We could not load your courses; your own events are shown."
            : "Your own learning, or everything that happens in a course you teach."
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
          { value: "", label: "Me" },
          ...items.map((c) => ({ value: c.id, label: `Course: ${c.title}` })),
        ]}
      />
    </div>
  );
}
