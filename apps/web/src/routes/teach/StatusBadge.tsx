/** Draft or published, in words (never colour alone). */
export function StatusBadge({ status }: { status: "draft" | "published" }) {
  return (
    <span className={`status-badge status-${status}`}>
      <span className="visually-hidden">Status: </span>
      {status === "published" ? "Published" : "Draft"}
    </span>
  );
}
