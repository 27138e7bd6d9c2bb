import { startWranglerDev } from "@lumen/tools/wrangler-dev";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseApiEnv } from "../src/env";
import { purgeEdgeHandler } from "../src/jobs/purge-edge";
import { jobContext, standInEdge } from "./stand-in-edge";

const SECRET = "test-purge-secret-that-is-long-enough";
const payload = { courseId: "7f1c2a34-5b6d-4e8f-9a0b-1c2d3e4f5a6b", slug: "intro-to-stats" };
const context = jobContext;

const quietLogger = { info: () => {} };

/** What the edge answers a purge with: the catalog's new version and the course it was for. */
const purgeAnswer = z.object({ version: z.string(), courseId: z.uuid(), slug: z.string() });

describe("purge-edge job (a local HTTP server stands in for the edge)", () => {
  it("POSTs the course to the edge's purge endpoint with the bearer secret", async () => {
    const edge = await standInEdge(() => ({ status: 200, body: { version: "2" } }));
    const handler = purgeEdgeHandler({
      env: { EDGE_URL: `${edge.url}/`, EDGE_INTERNAL_SECRET: SECRET },
      logger: quietLogger,
    });

    await handler.handle(payload, context());

    expect(edge.received).toEqual([
      {
        method: "POST",
        url: "/internal/catalog/purge",
        authorization: `Bearer ${SECRET}`,
        body: payload,
      },
    ]);
  });

  it("running the same job twice is harmless: the real edge takes both, each moving the catalog to a newer version", async () => {
    const edge = await startWranglerDev();
    try {
      // The development defaults: the API's secret is the one in the edge's .dev.vars.
      const env = parseApiEnv({ LUMEN_ENV: "test", EDGE_URL: edge.url });
      const answers: unknown[] = [];
      const handler = purgeEdgeHandler({
        env,
        logger: { info: (_msg, fields) => answers.push(JSON.parse(String(fields?.edge))) },
      });

      await handler.handle(payload, context());
      await handler.handle(payload, { ...context(), attempt: 1 });

      const [first, second] = answers.map((answer) => purgeAnswer.parse(answer));
      expect(answers).toHaveLength(2);
      expect(first).toMatchObject(payload);
      expect(second).toMatchObject(payload);
      expect(Number(second?.version)).toBeGreaterThan(Number(first?.version));
    } finally {
      await edge.stop();
    }
  }, 120_000);

  it("throws on a non-2xx answer, so the job runner retries it", async () => {
    const edge = await standInEdge(() => ({
      status: 401,
      body: { error: { code: "unauthorized", message: "Bad purge secret" } },
    }));
    const handler = purgeEdgeHandler({
      env: { EDGE_URL: edge.url, EDGE_INTERNAL_SECRET: "wrong-secret-but-long-enough-for-zod" },
      logger: quietLogger,
    });

    await expect(handler.handle(payload, context())).rejects.toThrow(/401.*Bad purge secret/);
  });

  it("throws when the edge cannot be reached at all", async () => {
    const edge = await standInEdge(() => ({ status: 200, body: {} }));
    await edge.close();
    const handler = purgeEdgeHandler({
      env: { EDGE_URL: edge.url, EDGE_INTERNAL_SECRET: SECRET },
      logger: quietLogger,
    });

    await expect(handler.handle(payload, context())).rejects.toThrow();
  });
});
