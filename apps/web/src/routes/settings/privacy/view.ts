import type { inferOutput } from "@trpc/tanstack-react-query";
import type { BadgeTone } from "../../../components/ui/Badge";
import type { trpc } from "../../../lib/trpc";

export type DataExport = inferOutput<typeof trpc.privacy.exports>[number];

export const STATUS_TEXT: Record<DataExport["status"], { label: string; tone: BadgeTone }> = {
  requested: { label: "Queued", tone: "info" },
  running: { label: "Preparing", tone: "info" },
  ready: { label: "Ready", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  expired: { label: "Expired", tone: "neutral" },
};

export function isPending(e: Pick<DataExport, "status">): boolean {
  return e.status === "requested" || e.status === "running";
}
