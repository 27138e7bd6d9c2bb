import { requestAccountDeletion, runRetirement } from "@lumen/core/privacy";
import type { TestUser } from "@lumen/core/testing";
import { z } from "zod";
import type { EdgeStack } from "./edge-stack";

/** What the edge's verify JSON says about a certificate (the parts these tests read). */
const verdict = z.object({
  status: z.string(),
  reason: z.string().nullable(),
  certificate: z.object({ learnerName: z.string() }).nullable(),
  credential: z.string().nullable(),
});

export async function verifyAtEdge(stack: EdgeStack, id: string) {
  const res = await fetch(`${stack.edge.url}/certificates/${id}/verify`);
  return verdict.parse(await res.json());
}

/** Polls `probe` until it answers non-null; fails with the runner's last log lines after 30 s. */
export async function until<T>(
  stack: EdgeStack,
  what: string,
  probe: () => Promise<T | null>,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen in time:\n${stack.logs.join("\n").slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Requests `user`'s deletion (password check passed) and runs the retirement as the job would
 * once the grace period is over; answers its outcome and id.
 */
export async function retireNow(stack: EdgeStack, user: TestUser) {
  const { id } = await requestAccountDeletion({
    db: stack.db,
    user,
    input: { password: "checked by the API" },
    checkPassword: async () => true,
  });
  const outcome = await runRetirement({
    db: stack.db,
    store: stack.media.store,
    outbox: stack.outbox,
    retirementId: id,
    now: () => new Date(Date.now() + 15 * 86_400_000),
  });
  return { id, outcome };
}

const purgeLine = z.object({
  msg: z.literal("edge catalog purged"),
  courseId: z.string(),
  edge: z.string(),
});
const purgeAnswer = z.object({ version: z.string(), courseId: z.string() });

/**
 * The catalog versions the real edge answered purges of `courseId` with (it writes each to its
 * KV as the version every catalog cache key includes), from the job runner's log.
 */
export function purgedVersions(stack: EdgeStack, courseId: string): number[] {
  return stack.logs.flatMap((line) => {
    const parsed = purgeLine.safeParse(safeJson(line));
    if (!parsed.success || parsed.data.courseId !== courseId) return [];
    const answer = purgeAnswer.safeParse(safeJson(parsed.data.edge));
    return answer.success ? [Number(answer.data.version)] : [];
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
