import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { PROGRESS_BEACON_PATH } from "@lumen/shared/constants";
import { pick } from "./json";
import { type BenchLearner, WEB_ORIGIN } from "./world";

export interface LoadResult {
  /** Every event id the server acknowledged (HTTP 200 with it accepted or a duplicate). */
  acknowledged: string[];
  /** Acknowledgement latency per request (ms), measured window only. */
  latencies: number[];
  measuredEvents: number;
  measuredRequests: number;
  measuredSeconds: number;
  errors: number;
  firstError: string | null;
}

/**
 * A learner's player: walks the course's lessons, watching video second by second; each
 * event reports the second it played (the web player reports a few seconds per event).
 */
class Player {
  private lesson = 0;
  private watched = 0;
  constructor(private readonly learner: BenchLearner) {}

  nextEvents(count: number) {
    const events = [];
    for (let i = 0; i < count; i++) {
      const lesson = this.learner.lessons[this.lesson % this.learner.lessons.length];
      if (!lesson) throw new Error("learner has no lessons");
      const done = lesson.kind === "text" || this.watched >= lesson.seconds;
      const from = this.watched;
      this.watched += 1;
      const position = Math.min(this.watched, lesson.seconds || this.watched);
      events.push({
        eventId: randomUUID(),
        enrollmentId: this.learner.enrollmentId,
        lessonId: lesson.id,
        watched: lesson.kind === "video" && position > from ? [[from, position]] : [],
        positionSeconds: position,
        completed: done,
        occurredAt: Date.now(),
      });
      if (done) {
        this.lesson += 1;
        this.watched = 0;
      }
    }
    return events;
  }
}

function post(agent: Agent, url: URL, cookie: string, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          cookie,
          origin: WEB_ORIGIN,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * `clients` loops, each one learner's player sending `batch` events per request to
 * PROGRESS_BEACON_PATH (the route the SPA sends progress to) and waiting for the
 * acknowledgement before sending the next. A failed request is resent with the same events
 * (as the web client does), so nothing it was told is stored can be missing. Runs `warmupSeconds`, then measures `seconds`.
 *
 * Closed loop by default (each client sends again as soon as it is answered). With `rate`
 * (events/s offered in all), each client sends on a fixed schedule instead, its sends spread
 * evenly over the others'; latency is counted from the scheduled send, so a server that falls
 * behind the offered rate shows it as latency rather than as fewer requests (no coordinated
 * omission).
 */
export async function runLoad(o: {
  apiUrl: string;
  learners: BenchLearner[];
  clients: number;
  batch: number;
  warmupSeconds: number;
  seconds: number;
  /** Offered events/s for an open-loop run; absent: closed loop. */
  rate?: number | undefined;
  onMeasureStart?: () => void | Promise<void>;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.clients });
  const url = new URL(PROGRESS_BEACON_PATH, o.apiUrl);
  const result: LoadResult = {
    acknowledged: [],
    latencies: [],
    measuredEvents: 0,
    measuredRequests: 0,
    measuredSeconds: o.seconds,
    errors: 0,
    firstError: null,
  };
  const started = performance.now();
  const measureFrom = started + o.warmupSeconds * 1000;
  const stopAt = measureFrom + o.seconds * 1000;
  let measuring = false;
  const watch = setInterval(() => {
    if (!measuring && performance.now() >= measureFrom) {
      measuring = true;
      void o.onMeasureStart?.();
    }
  }, 10);

  const client = async (c: number) => {
    const learner = o.learners[c % o.learners.length];
    if (!learner) throw new Error("no learner for client");
    const player = new Player(learner);
    let events = player.nextEvents(o.batch);
    // Open loop: this client's k-th request is due at start + offset + k × interval.
    const interval = o.rate ? (o.clients * o.batch * 1000) / o.rate : 0;
    let due = started + (interval * c) / o.clients;
    while (performance.now() < stopAt) {
      if (interval > 0) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (due >= stopAt) break;
      }
      const sentAt = interval > 0 ? due : performance.now();
      const body = JSON.stringify({ events });
      const res = await post(agent, url, learner.cookie, body).catch((e: unknown) => ({
        status: 0,
        body: String(e),
      }));
      const ackedAt = performance.now();
      const data: unknown = res.status === 200 ? JSON.parse(res.body) : undefined;
      const accepted = Number(pick(data, "accepted")) + Number(pick(data, "duplicates"));
      if (accepted !== events.length) {
        result.errors += 1;
        result.firstError ??= `${res.status} ${res.body.slice(0, 300)}`;
        continue;
      }
      for (const e of events) result.acknowledged.push(e.eventId);
      if (sentAt >= measureFrom && ackedAt <= stopAt) {
        result.latencies.push(ackedAt - sentAt);
        result.measuredEvents += events.length;
        result.measuredRequests += 1;
      }
      events = player.nextEvents(o.batch);
      due += interval;
    }
  };
  await Promise.all(Array.from({ length: o.clients }, (_, c) => client(c)));
  clearInterval(watch);
  agent.destroy();
  return result;
}
