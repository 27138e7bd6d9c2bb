import { changedParts, worldState } from "@lumen/trpc/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createV1World, V1, type V1World } from "./v1-world";

/**
 * An adversarial sweep of the public API: hostile values in every URL slot, header and JSON
 * field of /api/v1. Whatever arrives, the answer is never a 5xx, every refusal is a documented
 * problem+json (checked against the OpenAPI document), and a refused write changes nothing.
 */
const IN_URLS: Record<string, string> = {
  nul: "a%00b",
  "lone surrogate": "a%ED%A0%80b",
  "invalid UTF-8": "a%FFb",
  "C0 control (ESC)": "a%1Bb",
  "C1 control (NEL)": "a%C2%85b",
  "path traversal": "..%2F..%2Fetc%2Fpasswd",
  "SQL quote": "1'%20OR%20'1'='1",
  overlong: "x".repeat(20_000),
};
const IN_HEADERS: Record<string, string> = {
  "C0 control (ESC)": "a\u001bb",
  "C1 control (NEL)": "a\u0085b",
  overlong: "x".repeat(20_000),
};
/** JSON values to put in each body field (and as whole bodies). */
const IN_JSON: Record<string, unknown> = {
  null: null,
  "empty string": "",
  nul: "a\u0000b",
  "lone surrogate": "a\ud800b",
  "huge number": 1e308,
  "negative number": -1,
  fraction: 0.5,
  "deep array": JSON.parse(`${"[".repeat(200)}${"]".repeat(200)}`),
  object: JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'),
  "long string": "x".repeat(3000),
  "array of numbers": [1, 2, 3],
  boolean: true,
};
/** Bodies that are not JSON at all, or not an object. */
const RAW_BODIES: Record<string, string> = {
  empty: "",
  "not JSON": "course_id=1",
  truncated: '{"course_id": "',
  "JSON number": "1e999",
  "JSON array": "[]",
  "prototype key": '{"__proto__": {"admin": true}}',
};

let w: V1World;
let token: string;
let ids: { enrollment: string; lesson: string; quiz: string; course: string };

beforeAll(async () => {
  w = await createV1World();
  ({ token } = await w.learner());
  const enrolled = await w.call("POST", "/enrollments", {
    token,
    body: { course_id: w.course.id },
  });
  ids = {
    enrollment: String((enrolled.body as { enrollment_id: string }).enrollment_id),
    lesson: w.lessons.text.id,
    quiz: w.lessons.quiz.id,
    course: w.course.id,
  };
});
afterAll(() => w.close());

describe("hostile values in /api/v1", () => {
  it("URL slots, headers and JSON bodies never get a 5xx; refusals are documented problems and change nothing", async () => {
    const failures: string[] = [];
    let requests = 0;
    let refused = 0;
    const state = () => worldState(w.db, w.t.mediaStore);
    const send = async (
      what: string,
      method: string,
      path: string,
      init: { body?: string; headers?: Record<string, string> } = {},
    ) => {
      requests += 1;
      const writes = method !== "GET";
      const before = writes ? await state() : null;
      const res = await w.t.app.request(`${V1}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
          ...init.headers,
        },
        body: init.body,
      });
      if (res.status >= 500) failures.push(`${what}: ${res.status} ${await res.text()}`);
      if (res.status >= 400) {
        refused += 1;
        const type = res.headers.get("content-type") ?? "";
        if (!type.startsWith("application/problem+json")) {
          failures.push(`${what}: ${res.status} answered as "${type}", not problem+json`);
        }
        // A route the document knows must document the answer; an unknown path is the API's 404.
        try {
          await w.contract.check(method, path.split("?")[0] ?? path, res);
        } catch (error) {
          if (!String(error).includes("no documented operation") || res.status !== 404) {
            failures.push(`${what}: ${String(error).slice(0, 300)}`);
          }
        }
      }
      const changed = before ? changedParts(before, await state()) : [];
      if (res.status >= 400 && changed.length > 0) {
        failures.push(`${what}: refused with ${res.status} but changed ${changed.join(", ")}`);
      }
      return res.status;
    };

    const urls: Array<[string, string, (x: string) => string]> = [
      ...["query", "category", "level", "language", "page", "page_size"].map(
        (param): [string, string, (x: string) => string] => [
          "GET",
          `/courses?${param}=`,
          (x) => `/courses?${param}=${x}`,
        ],
      ),
      ["GET", "/enrollments?page=", (x) => `/enrollments?page=${x}`],
      ["GET", "/courses/{id}/progress", (x) => `/courses/${x}/progress`],
      ["GET", "/courses/{id}/learners", (x) => `/courses/${x}/learners`],
      ["GET", "/jobs/{id}", (x) => `/jobs/${x}`],
      ["POST", "/assessments/{id}/submit", (x) => `/assessments/${x}/submit`],
      ["PUT", "/progress/{e}/lessons/{l}", (x) => `/progress/${x}/lessons/${ids.lesson}`],
      [
        "PUT",
        "/progress/{e}/lessons/{l} (lesson)",
        (x) => `/progress/${ids.enrollment}/lessons/${x}`,
      ],
    ];
    for (const [method, route, path] of urls) {
      for (const [name, value] of Object.entries(IN_URLS)) {
        const body = method === "GET" ? undefined : JSON.stringify({ answers: [] });
        await send(`${method} ${route} ${name}`, method, path(value), { body });
      }
    }

    for (const [name, value] of Object.entries(IN_HEADERS)) {
      await send(`GET /me authorization ${name}`, "GET", "/me", {
        headers: { authorization: `Bearer ${value}` },
      });
      await send(`GET /me if-none-match ${name}`, "GET", "/me", {
        headers: { "if-none-match": value },
      });
      await send(`POST /enrollments idempotency-key ${name}`, "POST", "/enrollments", {
        body: JSON.stringify({ course_id: ids.course }),
        headers: { "idempotency-key": value },
      });
    }

    const writes: Array<[string, string, (v: unknown) => Record<string, unknown>]> = [
      ["POST", "/enrollments", (v) => ({ course_id: v })],
      [
        "PUT",
        `/progress/${ids.enrollment}/lessons/${ids.lesson}`,
        (v) => ({ watched_seconds: v, completed: false }),
      ],
      [
        "PUT",
        `/progress/${ids.enrollment}/lessons/${ids.lesson}`,
        (v) => ({ watched_seconds: 1, completed: v }),
      ],
      [
        "PUT",
        `/progress/${ids.enrollment}/lessons/${ids.lesson}`,
        (v) => ({ watched_seconds: 1, completed: false, watched: [[0, v]] }),
      ],
      ["POST", `/assessments/${ids.quiz}/submit`, (v) => ({ answers: v })],
      ["POST", `/assessments/${ids.quiz}/submit`, (v) => ({ answers: [{ question_id: v }] })],
    ];
    for (const [method, path, bodyOf] of writes) {
      for (const [name, value] of Object.entries(IN_JSON)) {
        const body = JSON.stringify(bodyOf(value));
        await send(`${method} ${path} field ${name}`, method, path, { body });
      }
      for (const [name, raw] of Object.entries(RAW_BODIES)) {
        await send(`${method} ${path} body ${name}`, method, path, { body: raw });
      }
    }

    console.info(
      `v1 hostile-input sweep: ${requests} requests, ${refused} refused, ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    // Most of these are nonsense: a sweep where they pass would be testing nothing.
    expect(refused).toBeGreaterThan(requests * 0.7);
    // Hundreds of requests, each checked against the database's state: past 60 s under CI load.
  }, 180_000);
});
