import { Badge } from "../../components/ui/Badge";

/** Draft or published, in words (never colour alone). */
export function StatusBadge({ status }: { status: "draft" | "published" }) {
  return (
    <Badge tone={status === "published" ? "success" : "warning"} dot>
      <span className="visually-hidden">Status: </span>
      {status === "published" ? "Published" : "Draft"}
    </Badge>
  );
}
