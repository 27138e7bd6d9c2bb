import { randomUUID } from "node:crypto";
import { pick } from "../progress/json";
import { WEB_ORIGIN } from "../progress/world";
import type { Call } from "./load";

/** One bench learner: signed in (cookie) for tRPC, an API key for REST, one enrollment. */
export interface ApiLearner {
  cookie: string;
  token: string;
  courseId: string;
  enrollmentId: string;
  /** A video lesson of the course, which every progress request reports on. */
  lessonId: string;
}

export type Operation = "enroll" | "progress";
export type Transport = "tRPC" | "REST" | "REST + Idempotency-Key";

export interface Variant {
  operation: Operation;
  transport: Transport;
  call: (learner: ApiLearner, i: number) => Call;
  ok: (status: number, body: string) => boolean;
}

const json = { "content-type": "application/json" };
const trpc = (learner: ApiLearner) => ({ ...json, cookie: learner.cookie, origin: WEB_ORIGIN });
const rest = (learner: ApiLearner, key: boolean): Record<string, string> => ({
  ...json,
  authorization: `Bearer ${learner.token}`,
  // A fresh key per request: every request is a first one (claim, run, store), the cost a
  // client pays for safe retries; replays are cheaper still.
  ...(key ? { "idempotency-key": randomUUID() } : {}),
});

const parsed = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

/**
 * The learner is already enrolled, so both transports run the same service path each time
 * (enrollInCourse finds the active enrollment): the difference measured is the transport.
 */
const enrollOk = {
  trpc: (status: number, body: string) =>
    status === 200 && typeof pick(parsed(body), "result", "data", "enrollmentId") === "string",
  rest: (status: number, body: string) =>
    (status === 200 || status === 201) && typeof pick(parsed(body), "enrollment_id") === "string",
};

/** One event per request on both paths: a position in the lesson, nothing watched, not done. */
const position = (i: number) => 1 + (i % 250);

export const VARIANTS: Variant[] = [
  {
    operation: "enroll",
    transport: "tRPC",
    call: (l) => ({
      method: "POST",
      path: "/trpc/enrollment.enroll",
      headers: trpc(l),
      body: JSON.stringify({ courseId: l.courseId }),
    }),
    ok: enrollOk.trpc,
  },
  ...([false, true] as const).map(
    (key): Variant => ({
      operation: "enroll",
      transport: key ? "REST + Idempotency-Key" : "REST",
      call: (l) => ({
        method: "POST",
        path: "/api/v1/enrollments",
        headers: rest(l, key),
        body: JSON.stringify({ course_id: l.courseId }),
      }),
      ok: enrollOk.rest,
    }),
  ),
  {
    operation: "progress",
    transport: "tRPC",
    call: (l, i) => ({
      method: "POST",
      path: "/trpc/progress.record",
      headers: trpc(l),
      body: JSON.stringify({
        events: [
          {
            eventId: randomUUID(),
            enrollmentId: l.enrollmentId,
            lessonId: l.lessonId,
            watched: [],
            positionSeconds: position(i),
            completed: false,
            occurredAt: Date.now(),
          },
        ],
      }),
    }),
    ok: (status, body) => status === 200 && pick(parsed(body), "result", "data", "accepted") === 1,
  },
  ...([false, true] as const).map(
    (key): Variant => ({
      operation: "progress",
      transport: key ? "REST + Idempotency-Key" : "REST",
      call: (l, i) => ({
        method: "PUT",
        path: `/api/v1/progress/${l.enrollmentId}/lessons/${l.lessonId}`,
        headers: rest(l, key),
        body: JSON.stringify({ watched_seconds: position(i), completed: false }),
      }),
      ok: (status) => status === 200,
    }),
  ),
];
