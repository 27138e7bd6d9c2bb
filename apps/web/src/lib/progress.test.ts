import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPermanentRefusal, ProgressSendError, postProgress } from "./progress";
import type { ProgressAck } from "./progress-queue";
import type { QueuedEvent } from "./progress-store";

/**
 * The SPA's side of the progress route's contract. The API's side (which status and code each
 * refusal gets) is tested against the real API in apps/api/test/progress-http.test.ts; here a
 * stub server answers as it does, so every answer the client can meet is covered, including
 * ones the API cannot be made to give on demand (a proxy's error page, a garbled 200).
 */
const ack: ProgressAck = { accepted: 1, duplicates: 0, rejected: [], courses: [], lessons: [] };
const apiError = (code: string) =>
  JSON.stringify({ error: { code, message: code, requestId: "r" } });
const answers: Record<string, { status: number; body: string; type?: string }> = {
  "/ok": { status: 200, body: JSON.stringify(ack) },
  "/garbled": { status: 200, body: JSON.stringify({ accepted: "1" }) },
  "/bad-request": { status: 400, body: apiError("BAD_REQUEST") },
  "/signed-out": { status: 401, body: apiError("UNAUTHORIZED") },
  "/foreign": { status: 403, body: apiError("FORBIDDEN") },
  "/origin": { status: 403, body: apiError("FORBIDDEN_ORIGIN") },
  "/gone": { status: 404, body: apiError("NOT_FOUND") },
  "/too-large": { status: 413, body: apiError("PAYLOAD_TOO_LARGE") },
  "/proxy": { status: 502, body: "<html>Bad gateway</html>", type: "text/html" },
};

let server: Server;
let base: string;
const bodies: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      bodies.push({
        method: req.method,
        type: req.headers["content-type"],
        body: JSON.parse(body),
      });
      const answer = answers[req.url ?? ""] ?? { status: 404, body: "" };
      res.writeHead(answer.status, { "content-type": answer.type ?? "application/json" });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const event: QueuedEvent = {
  eventId: "0b7e6f7e-3f0a-4c55-9a55-4f1b5f0f8a11",
  enrollmentId: "6f1c2a0e-8a3b-4a5e-9d2c-1e2f3a4b5c6d",
  lessonId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
  watched: [[0, 12]],
  positionSeconds: 12,
  completed: false,
  occurredAt: 1_796_644_800_000,
};

async function refusal(path: string) {
  const error = await postProgress([event], `${base}${path}`).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  return error;
}

describe("sending progress (against a stub server answering as the API does)", () => {
  it("posts the batch as JSON and resolves with the acknowledgement", async () => {
    bodies.length = 0;
    await expect(postProgress([event], `${base}/ok`)).resolves.toEqual(ack);
    expect(bodies).toEqual([
      { method: "POST", type: "application/json", body: { events: [event] } },
    ]);
  });

  it("drops a batch only when resending cannot help: bad input, another's enrollment, gone", async () => {
    for (const [path, code] of [
      ["/bad-request", "BAD_REQUEST"],
      ["/foreign", "FORBIDDEN"],
      ["/gone", "NOT_FOUND"],
    ] as const) {
      const error = await refusal(path);
      expect(error).toBeInstanceOf(ProgressSendError);
      expect(error).toMatchObject({ code });
      expect(isPermanentRefusal(error)).toBe(true);
    }
  });

  it("keeps a batch for a retry when signed out, too large, from a refused origin, or not understood", async () => {
    for (const [path, status, code] of [
      ["/signed-out", 401, "UNAUTHORIZED"],
      ["/too-large", 413, "PAYLOAD_TOO_LARGE"],
      ["/origin", 403, "FORBIDDEN_ORIGIN"],
      ["/proxy", 502, null],
      ["/garbled", 200, null],
    ] as const) {
      const error = await refusal(path);
      expect(error).toMatchObject({ status, code });
      expect(isPermanentRefusal(error)).toBe(false);
    }
  });

  it("keeps a batch when the network fails", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await postProgress([event], `http://127.0.0.1:${port}/`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(isPermanentRefusal(error)).toBe(false);
  });
});
