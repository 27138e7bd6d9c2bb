import { open } from "node:fs/promises";

interface StartResponse {
  partBytes: number;
  totalParts: number;
  parts: Array<{ partNumber: number; size: number }>;
}

/**
 * Uploads a file through the edge's part protocol (`POST url`, `PUT url/parts/n`,
 * `POST url/complete`) with `parallel` parts in flight, as the browser uploader does.
 */
export async function uploadThroughEdge(url: string, file: string, parallel = 2) {
  const start = await fetch(url, { method: "POST" });
  if (!start.ok) throw new Error(`upload start answered ${start.status}: ${await start.text()}`);
  const session = (await start.json()) as StartResponse;
  const stored = new Set(session.parts.map((p) => p.partNumber));
  const pending = Array.from({ length: session.totalParts }, (_, i) => i + 1).filter(
    (n) => !stored.has(n),
  );
  const handle = await open(file);
  try {
    const { size } = await handle.stat();
    const worker = async () => {
      for (let n = pending.shift(); n !== undefined; n = pending.shift()) {
        const offset = (n - 1) * session.partBytes;
        const length = Math.min(session.partBytes, size - offset);
        const buffer = Buffer.alloc(length);
        await handle.read(buffer, 0, length, offset);
        const res = await fetch(`${url}/parts/${n}`, { method: "PUT", body: buffer });
        if (!res.ok) throw new Error(`part ${n} answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer(); // drained, not cancelled: see EdgeMediaStore's drain()
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  } finally {
    await handle.close();
  }
  const complete = await fetch(`${url}/complete`, { method: "POST" });
  if (!complete.ok)
    throw new Error(`complete answered ${complete.status}: ${await complete.text()}`);
  await complete.arrayBuffer();
}
