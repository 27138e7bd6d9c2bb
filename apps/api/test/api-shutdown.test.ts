import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { connect } from "node:net";
import { progressEvents } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiProcess,
  enrolledLesson,
  processDatabase,
  signInLearner,
  startApiProcess,
  WEB_ORIGIN,
} from "./api-process";

let database: Awaited<ReturnType<typeof processDatabase>>;
let api: ApiProcess | undefined;

beforeAll(async () => {
  database = await processDatabase();
});
afterAll(async () => {
  await api?.kill();
  await database?.close();
});

/**
 * A progress.record whose body is held back: `Expect: 100-continue` makes the server answer
 * "100 Continue" once it has the headers and dispatched the request, so `started` resolves
 * when the request is in flight on the server; `finish` then sends the body.
 */
function heldRequest(url: string, cookie: string, body: string) {
  const req = request(`${url}/trpc/progress.record`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      origin: WEB_ORIGIN,
      cookie,
      expect: "100-continue",
      connection: "close",
    },
  });
  const started = new Promise<void>((resolve, reject) => {
    req.once("continue", () => resolve());
    req.once("error", reject);
  });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.once("response", (res) => {
      let text = "";
      res.on("data", (d: Buffer) => {
        text += d.toString();
      });
      res.once("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.once("error", reject);
  });
  req.flushHeaders();
  return {
    started,
    finish: () => {
      req.end(body);
      return response;
    },
  };
}

/** Whether a new TCP connection to the API's port is refused. */
function refused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

describe("SIGTERM", () => {
  it("lets the request in flight finish, refuses new connections, then exits 0", {
    timeout: 120_000,
  }, async () => {
    const { enrollmentId, lessonId } = await enrolledLesson(database.db);
    api = await startApiProcess(database.url);
    const cookie = await signInLearner(api.url);
    const event = {
      eventId: randomUUID(),
      enrollmentId,
      lessonId,
      watched: [],
      positionSeconds: 3,
      completed: false,
      occurredAt: Date.now(),
    };
    const held = heldRequest(api.url, cookie, JSON.stringify({ events: [event] }));
    await held.started;

    api.terminate();
    const deadline = Date.now() + 20_000;
    while (!(await refused(api.url))) {
      if (Date.now() > deadline) throw new Error(`still accepting after SIGTERM:\n${api.output()}`);
      await new Promise((r) => setImmediate(r));
    }
    // Still draining: the process waits for the request it took before the signal.
    expect(api.child.exitCode).toBeNull();

    const answer = await held.finish();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ result: { data: { accepted: 1 } } });
    expect(await api.exited).toBe(0);
    const stored = await database.db
      .select({ id: progressEvents.eventId })
      .from(progressEvents)
      .where(eq(progressEvents.eventId, event.eventId));
    expect(stored).toEqual([{ id: event.eventId }]);
  });
});
