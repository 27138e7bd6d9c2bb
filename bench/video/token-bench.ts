import { fileURLToPath } from "node:url";
import { createMediaSigner, parseKeyRing, verifyMediaToken } from "@lumen/media-tokens";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { percentile } from "../lib/stats";

const KEYS =
  "k2:bench-key-two-bench-key-two-bench-key-two,k1:bench-key-one-bench-key-one-bench-key-one";
const ASSET = "3b241101-e2bb-4255-8caf-4136c566a962";

export interface TokenBenchResult {
  where: string;
  usPerCheck: number;
  /** Spread across rounds: p50 and max of the per-round means. */
  roundsP50: number;
  roundsMax: number;
}

async function playToken() {
  const signer = createMediaSigner(parseKeyRing(KEYS), "k2");
  return (await signer.sign("play", ASSET, 900)).token;
}

/** WebCrypto HMAC verification in this Node process (the API signs with the same code). */
export async function benchTokenInNode(rounds = 9, perRound = 20_000): Promise<TokenBenchResult> {
  const token = await playToken();
  const keys = parseKeyRing(KEYS);
  for (let i = 0; i < 2_000; i++) await verifyMediaToken(token, { keys, purpose: "play" });
  const means: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) await verifyMediaToken(token, { keys, purpose: "play" });
    means.push(Number(process.hrtime.bigint() - start) / 1000 / perRound);
  }
  return summarizeRounds("Node 22 (same code as the edge)", means);
}

/** The same verification inside workerd (Miniflare), the runtime the edge runs on. */
export async function benchTokenInWorkerd(
  rounds = 9,
  perRequest = 20_000,
): Promise<TokenBenchResult> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("./token-worker.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]?.text ?? "";
  const mf = new Miniflare({
    modules: true,
    script,
    compatibilityDate: "2026-07-30",
    bindings: { MEDIA_KEYS: KEYS },
  });
  try {
    const token = await playToken();
    const timed = async (n: number) => {
      const start = process.hrtime.bigint();
      const res = await mf.dispatchFetch(`http://bench/?n=${n}&token=${token}`);
      const body = (await res.json()) as { ok: number };
      if (body.ok !== n) throw new Error(`workerd verified ${body.ok} of ${n}`);
      return Number(process.hrtime.bigint() - start) / 1000;
    };
    await timed(2_000);
    const means: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const empty = await timed(0);
      const full = await timed(perRequest);
      means.push((full - empty) / perRequest);
    }
    return summarizeRounds("workerd (Miniflare 4)", means);
  } finally {
    await mf.dispose();
  }
}

function summarizeRounds(where: string, means: number[]): TokenBenchResult {
  return {
    where,
    usPerCheck: percentile(means, 50),
    roundsP50: percentile(means, 50),
    roundsMax: Math.max(...means),
  };
}
