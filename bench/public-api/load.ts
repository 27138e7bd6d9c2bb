import { Agent, request } from "node:http";

export interface Call {
  method: "POST" | "PUT";
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface PhaseResult {
  requests: number;
  seconds: number;
  /** Per request, ms from send to the whole answer read. */
  latencies: number[];
  errors: number;
  firstError: string | null;
}

/** One HTTP request over a keep-alive agent; resolves with the status and the body read. */
function send(agent: Agent, base: URL, call: Call) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      new URL(call.path, base),
      {
        agent,
        method: call.method,
        headers: { ...call.headers, "content-length": Buffer.byteLength(call.body) },
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
    req.end(call.body);
  });
}

/**
 * `clients` closed loops (each sends its next request once the last is answered) sharing
 * `requests` requests, stopped early at `maxSeconds`. `call(client, i)` builds request i of
 * a client; `ok` says whether an answer is the success expected (anything else is counted
 * as an error, with the first kept for the report).
 */
export async function runPhase(o: {
  apiUrl: string;
  clients: number;
  requests: number;
  maxSeconds: number;
  call: (client: number, i: number) => Call;
  ok: (status: number, body: string) => boolean;
}): Promise<PhaseResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.clients });
  const base = new URL(o.apiUrl);
  const result: PhaseResult = {
    requests: 0,
    seconds: 0,
    latencies: [],
    errors: 0,
    firstError: null,
  };
  let next = 0;
  const started = performance.now();
  const stopAt = started + o.maxSeconds * 1000;
  const client = async (c: number) => {
    for (let i = 0; next < o.requests && performance.now() < stopAt; i += 1) {
      next += 1;
      const sentAt = performance.now();
      const res = await send(agent, base, o.call(c, i)).catch((e: unknown) => ({
        status: 0,
        body: String(e),
      }));
      result.latencies.push(performance.now() - sentAt);
      result.requests += 1;
      if (!o.ok(res.status, res.body)) {
        result.errors += 1;
        result.firstError ??= `${res.status} ${res.body.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: o.clients }, (_, c) => client(c)));
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return result;
}
