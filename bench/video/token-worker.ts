/**
 * A bench-only Worker: verifies one playback token `n` times inside workerd and reports how
 * long that took, so the cost per check can be read off without network or routing noise.
 * workerd freezes clocks while a request computes, so the caller times the request from
 * outside and subtracts an n=0 request.
 */
import { parseKeyRing, verifyMediaToken } from "@lumen/media-tokens";

interface Env {
  MEDIA_KEYS: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const token = url.searchParams.get("token") ?? "";
    const n = Number(url.searchParams.get("n") ?? "0");
    const keys = parseKeyRing(env.MEDIA_KEYS);
    let ok = 0;
    for (let i = 0; i < n; i++) {
      const result = await verifyMediaToken(token, { keys, purpose: "play" });
      if (result.ok) ok++;
    }
    return Response.json({ ok, n });
  },
};
