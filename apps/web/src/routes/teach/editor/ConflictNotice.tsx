import { Trans } from "@lingui/react/macro";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "../../../components/ui/Button";
import { Notice } from "../../../components/ui/Notice";
import { courseQuery, type EditableCourse } from "../api";

/**
 * Someone (a co-instructor, or this author in another tab) saved after this editor loaded.
 * Nothing is overwritten: the author reloads the latest version and applies their edit again.
 */
export function ConflictNotice({
  courseId,
  onReloaded,
}: {
  courseId: string;
  onReloaded: (course: EditableCourse) => void;
}) {
  const client = useQueryClient();
  const [loading, setLoading] = useState(false);
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const reload = async () => {
    setLoading(true);
    try {
      onReloaded(await client.fetchQuery({ ...courseQuery(courseId), staleTime: 0 }));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Notice tone="warning" role="alert">
      <p ref={heading} tabIndex={-1}>
        <Trans>
          <strong>Someone else saved this course after you opened it.</strong> Your changes were not
          saved. Reload to see the latest version, then make your changes again.
        </Trans>
      </p>
      <button
        type="button"
        className={buttonClass({ variant: "secondary" })}
        onClick={reload}
        disabled={loading}
      >
        {loading ? <Trans>Reloading…</Trans> : <Trans>Reload latest version</Trans>}
      </button>
    </Notice>
  );
}
