import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import { TransferError, type UploadTransport } from "./upload-transport";
import { createVideoUpload, type UploadSnapshot } from "./video-upload";

type Fault = "network" | number;

/**
 * A scripted stand-in for the edge: it stores parts in memory, can fail chosen attempts, and
 * can hold parts in flight until the test releases them. Browsers' XHR cannot run in Node.
 */
function scriptedEdge({ partBytes = 4, stored = [] as number[], validUrls = ["u1"] } = {}) {
  const parts = new Map<number, number>(stored.map((n) => [n, partBytes]));
  const faults = new Map<number, Fault[]>();
  const log: string[] = [];
  const held: Array<() => void> = [];
  let hold = false;
  let inFlight = 0;
  let maxInFlight = 0;
  let totalBytes = 0;
  const check = (url: string) => {
    if (!validUrls.includes(url)) throw new TransferError(403);
  };
  const transport: UploadTransport = {
    async begin(url) {
      check(url);
      log.push("begin");
      const totalParts = Math.ceil(totalBytes / partBytes);
      return {
        partBytes,
        totalParts,
        parts: [...parts].map(([partNumber, size]) => ({ partNumber, size })),
        uploadedBytes: [...parts.values()].reduce((s, n) => s + n, 0),
        completed: false,
      };
    },
    sendPart(url, partNumber, body, onProgress) {
      let aborted = () => {};
      const done = new Promise<void>((resolve, reject) => {
        aborted = () => reject(new TransferError(0, "aborted"));
        check(url);
        log.push(`put ${partNumber}`);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const finish = () => {
          inFlight--;
          const fault = faults.get(partNumber)?.shift();
          onProgress(Math.floor(body.size / 2));
          if (fault === "network") return reject(new TransferError(0));
          if (typeof fault === "number") return reject(new TransferError(fault));
          onProgress(body.size);
          parts.set(partNumber, body.size);
          resolve();
        };
        if (hold) held.push(finish);
        else queueMicrotask(finish);
      });
      return {
        done,
        abort: () => {
          log.push(`abort ${partNumber}`);
          aborted();
        },
      };
    },
    async complete(url) {
      check(url);
      log.push("complete");
      const total = Math.ceil(totalBytes / partBytes);
      for (let n = 1; n <= total; n++) if (!parts.has(n)) throw new TransferError(409);
    },
    async discard(url) {
      check(url);
      log.push("discard");
      parts.clear();
    },
  };
  return {
    transport,
    parts,
    log,
    faults,
    validUrls,
    held,
    holdParts: () => {
      hold = true;
    },
    maxInFlight: () => maxInFlight,
    forFile(file: Blob) {
      totalBytes = file.size;
      return file;
    },
  };
}

const file = (bytes: number) => new Blob([new Uint8Array(bytes).map((_, i) => i % 251)]);

function upload(edge: ReturnType<typeof scriptedEdge>, blob: Blob, renewTo = "u2") {
  const snapshots: UploadSnapshot[] = [];
  const controller = createVideoUpload({
    file: edge.forFile(blob),
    ticket: { url: "u1", partBytes: 4, byteSize: blob.size },
    transport: edge.transport,
    renewTicket: async () => {
      edge.validUrls.push(renewTo);
      return { url: renewTo, partBytes: 4, byteSize: blob.size };
    },
    onChange: (s) => snapshots.push(s),
    wait: () => Promise.resolve(),
    maxAttempts: 3,
  });
  return { controller, snapshots };
}

describe("video upload with a scripted transport", () => {
  it("sends every part, at most two at a time, then completes", async () => {
    const edge = scriptedEdge();
    const { controller } = upload(edge, file(18));
    expect(await controller.start()).toBe("done");
    expect([...edge.parts.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(edge.parts.get(5)).toBe(2);
    expect(edge.maxInFlight()).toBe(2);
    expect(edge.log.at(-1)).toBe("complete");
    expect(controller.snapshot()).toMatchObject({ phase: "done", uploadedBytes: 18 });
  });

  it("resuming skips the parts the edge already stored", async () => {
    const edge = scriptedEdge({ stored: [1, 2, 4] });
    const { controller, snapshots } = upload(edge, file(18));
    expect(await controller.start()).toBe("done");
    expect(edge.log.filter((l) => l.startsWith("put"))).toEqual(["put 3", "put 5"]);
    // The bar starts where the edge's stored parts put it, not at zero.
    expect(snapshots.find((s) => s.uploadedBytes > 0)).toMatchObject({
      uploadedBytes: 12,
      confirmedBytes: 12,
    });
  });

  it("retries a part that failed with a network error or a 5xx", async () => {
    const edge = scriptedEdge();
    edge.faults.set(2, ["network", 503]);
    const { controller } = upload(edge, file(12));
    expect(await controller.start()).toBe("done");
    expect(edge.log.filter((l) => l === "put 2")).toHaveLength(3);
    expect(edge.parts.size).toBe(3);
  });

  it("progress never goes backwards when a part fails halfway and is resent", async () => {
    const edge = scriptedEdge();
    edge.faults.set(1, ["network"]);
    edge.faults.set(3, [500, "network"]);
    const { controller, snapshots } = upload(edge, file(16));
    await controller.start();
    const bytes = snapshots.map((s) => s.uploadedBytes);
    expect(bytes.every((b, i) => i === 0 || b >= (bytes[i - 1] ?? 0))).toBe(true);
    expect(bytes.at(-1)).toBe(16);
    // Only parts the edge confirmed count as stored; in-flight bytes are shown, not promised.
    expect(snapshots.every((s) => s.confirmedBytes % 4 === 0 || s.confirmedBytes === 16)).toBe(
      true,
    );
    expect(snapshots.some((s) => s.uploadedBytes > s.confirmedBytes)).toBe(true);
  });

  it("pauses when a part keeps failing, and start() continues from the stored parts", async () => {
    const edge = scriptedEdge();
    edge.faults.set(2, ["network", "network", "network"]);
    const { controller } = upload(edge, file(12));
    expect(await controller.start()).toBe("paused");
    expect(controller.snapshot().problem).toMatch(/back online/);
    const sentBefore = edge.log.filter((l) => l === "put 1" || l === "put 3").length;
    expect(await controller.start()).toBe("done");
    // Only part 2 goes up again: 1 and 3 were stored before the pause.
    expect(edge.log.filter((l) => l === "put 1" || l === "put 3").length).toBe(sentBefore);
  });

  it("renews an expired ticket once and sends the refused part again", async () => {
    const edge = scriptedEdge();
    const { controller } = upload(edge, file(8));
    edge.validUrls.splice(0); // u1 has expired
    edge.validUrls.push("none");
    expect(await controller.start()).toBe("done");
    expect(edge.parts.size).toBe(2);
  });

  it("fails with a readable reason when the edge refuses a part outright", async () => {
    const edge = scriptedEdge();
    edge.faults.set(1, [400]);
    const { controller } = upload(edge, file(8));
    expect(await controller.start()).toBe("failed");
    expect(controller.snapshot().problem).toMatch(/refused/);
  });

  it("cancelling aborts the parts in flight and discards the upload at the edge", async () => {
    const edge = scriptedEdge();
    edge.holdParts();
    const { controller } = upload(edge, file(16));
    const outcome = controller.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(edge.held).toHaveLength(2);
    await controller.cancel();
    expect(await outcome).toBe("cancelled");
    expect(edge.log).toEqual(expect.arrayContaining(["abort 1", "abort 2", "discard"]));
    expect(edge.log).not.toContain("put 3");
    expect(edge.log).not.toContain("complete");
    expect(controller.snapshot().phase).toBe("cancelled");
  });
});
