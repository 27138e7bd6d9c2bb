import { Trans } from "@lingui/react/macro";
import { Badge } from "../../components/ui/Badge";

/** Draft or published, in words (never colour alone). */
export function StatusBadge({ status }: { status: "draft" | "published" }) {
  return (
    <Badge tone={status === "published" ? "success" : "warning"} dot>
      <span className="visually-hidden">
        <Trans>Status:</Trans>{" "}
      </span>
      {status === "published" ? <Trans>Published</Trans> : <Trans>Draft</Trans>}
    </Badge>
  );
}
