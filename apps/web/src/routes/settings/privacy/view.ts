import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { inferOutput } from "@trpc/tanstack-react-query";
import type { BadgeTone } from "../../../components/ui/Badge";
import type { trpc } from "../../../lib/trpc";

export type DataExport = inferOutput<typeof trpc.privacy.exports>[number];

/** Labels are message descriptors, translated where shown (`t(label)`). */
export const STATUS_TEXT: Record<
  DataExport["status"],
  { label: MessageDescriptor; tone: BadgeTone }
> = {
  requested: { label: msg`Queued`, tone: "info" },
  running: { label: msg`Preparing`, tone: "info" },
  ready: { label: msg`Ready`, tone: "success" },
  failed: { label: msg`Failed`, tone: "danger" },
  expired: { label: msg`Expired`, tone: "neutral" },
};

export function isPending(e: Pick<DataExport, "status">): boolean {
  return e.status === "requested" || e.status === "running";
}
