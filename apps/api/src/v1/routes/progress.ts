import { randomUUID } from "node:crypto";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  progressEvent,
  REJECT_REASONS,
  type RecordResult,
  type RejectReason,
} from "@lumen/core/progress";
import type { V1Env } from "../context";
import type { V1Deps } from "../deps";
import { fieldErrorsOf } from "../errors";
import { ProblemError } from "../problem";
import { IdempotencyHeaders, problems, uuid, WRITE_PROBLEMS } from "../schemas/common";
import { ProgressBody, ProgressResult } from "../schemas/progress";
import { toWire } from "../wire";
import type { Guards } from "./guards";

const Params = z.object({ enrollment_id: uuid("enrollment_id"), lesson_id: uuid("lesson_id") });

const recordProgress = (guards: Guards) =>
  createRoute({
    method: "put",
    path: "/progress/{enrollment_id}/lessons/{lesson_id}",
    tags: ["Progress"],
    operationId: "recordLessonProgress",
    summary: "Record progress in a lesson",
    description:
      "Upserts the caller's progress through the same write path as the web app (same rules: coverage bounded by playback time, video completes at 90 %). Milestones and certificates follow asynchronously.",
    middleware: guards.write,
    request: {
      params: Params,
      headers: IdempotencyHeaders,
      body: { required: true, content: { "application/json": { schema: ProgressBody } } },
    },
    responses: {
      200: {
        description: "Recorded; the lesson's and the course's progress now.",
        content: { "application/json": { schema: ProgressResult } },
      },
      ...problems(404, ...WRITE_PROBLEMS),
    },
  });

/** A refused event's reason as the problem a REST client expects. */
const PROBLEM_BY_REASON: Record<
  RejectReason,
  { type: "not-found" | "forbidden" | "validation"; pointer?: string }
> = {
  enrollment: { type: "not-found" },
  inactive: { type: "forbidden" },
  lesson: { type: "validation", pointer: "#/path/lesson_id" },
};
const REASON_BY_MESSAGE = new Map(
  (Object.entries(REJECT_REASONS) as Array<[RejectReason, string]>).map(([code, message]) => [
    message,
    code,
  ]),
);

function refusal(rejected: RecordResult["rejected"][number]): ProblemError {
  const code = REASON_BY_MESSAGE.get(rejected.reason) ?? "enrollment";
  const { type, pointer } = PROBLEM_BY_REASON[code];
  return new ProblemError(type, rejected.reason, {
    errors: pointer ? [{ pointer, detail: rejected.reason }] : undefined,
  });
}

export function progressRoutes({ progress }: Pick<V1Deps, "progress">, guards: Guards) {
  return new OpenAPIHono<V1Env>().openapi(recordProgress(guards), async (c) => {
    const { user } = c.get("principal");
    const { enrollment_id, lesson_id } = c.req.valid("param");
    const body = c.req.valid("json");
    // Exactly the SPA's event (the position, optional coverage, a fresh id, now), checked by
    // the same schema as tRPC's progress.record so the limits are the same.
    const event = progressEvent.safeParse({
      eventId: randomUUID(),
      enrollmentId: enrollment_id,
      lessonId: lesson_id,
      watched: body.watched ?? [],
      positionSeconds: body.watched_seconds,
      completed: body.completed,
      occurredAt: Date.now(),
    });
    if (!event.success) {
      throw new ProblemError("validation", "Some fields are not valid; see errors.", {
        errors: fieldErrorsOf(event.error, "").map((e) => ({
          ...e,
          pointer: e.pointer.replace(/^#\/position_seconds/, "#/watched_seconds"),
        })),
      });
    }
    const result = await progress.record(user, [event.data]);
    const [rejected] = result.rejected;
    if (rejected) throw refusal(rejected);
    const course = result.courses.find((p) => p.enrollmentId === enrollment_id);
    if (!course) throw new Error("progress accepted without its enrollment's outcome");
    const lesson = result.lessons.find((l) => l.lessonId === lesson_id) ?? null;
    return c.json(
      toWire(ProgressResult, { enrollmentId: enrollment_id, lessonId: lesson_id, lesson, course }),
      200,
    );
  });
}
