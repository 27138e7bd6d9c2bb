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
/**
 * REST authenticates with an API key; "REST (cookie)" sends the SPA's session cookie instead,
 * which tRPC uses too: it separates the REST layer's cost from the API key lookup's.
 */
export type Transport = "tRPC" | "REST" | "REST (cookie)" | "REST + Idempotency-Key";

export interface Variant {
  operation: Operation;
  transport: Transport;
  call: (learner: ApiLearner, i: number) => Call;
  ok: (status: number, body: string) => boolean;
}

const json = { "content-type": "application/json" };
const trpc = (learner: ApiLearner) => ({ ...json, cookie: learner.cookie, origin: WEB_ORIGIN });
type RestAuth = "key" | "cookie" | "key + idempotency";
const rest = (learner: ApiLearner, auth: RestAuth): Record<string, string> => ({
  ...json,
  ...(auth === "cookie"
    ? { cookie: learner.cookie, origin: WEB_ORIGIN }
    : { authorization: `Bearer ${learner.token}` }),
  // A fresh key per request: every request is a first one (claim, run, store), the cost a
  // client pays for safe retries; replays are cheaper still.
  ...(auth === "key + idempotency" ? { "idempotency-key": randomUUID() } : {}),
});

const TRANSPORT_OF: Record<RestAuth, Transport> = {
  key: "REST",
  cookie: "REST (cookie)",
  "key + idempotency": "REST + Idempotency-Key",
};
const REST_AUTHS = Object.keys(TRANSPORT_OF) as RestAuth[];

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
  ...REST_AUTHS.map(
    (auth): Variant => ({
      operation: "enroll",
      transport: TRANSPORT_OF[auth],
      call: (l) => ({
        method: "POST",
        path: "/api/v1/enrollments",
        headers: rest(l, auth),
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
  ...REST_AUTHS.map(
    (auth): Variant => ({
      operation: "progress",
      transport: TRANSPORT_OF[auth],
      call: (l, i) => ({
        method: "PUT",
        path: `/api/v1/progress/${l.enrollmentId}/lessons/${l.lessonId}`,
        headers: rest(l, auth),
        body: JSON.stringify({ watched_seconds: position(i), completed: false }),
      }),
      ok: (status) => status === 200,
    }),
  ),
];
