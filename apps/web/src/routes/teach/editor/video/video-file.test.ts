import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import {
  checkVideoFile,
  clearPendingUpload,
  isSameFile,
  readPendingUpload,
  writePendingUpload,
} from "./video-file";

function memoryStore() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

describe("checking a video file before upload", () => {
  it("refuses empty and oversized files", () => {
    expect(checkVideoFile({ name: "a.mp4", size: 0, type: "video/mp4" })).toMatchObject({
      ok: false,
      error: "That file is empty.",
    });
    const big = checkVideoFile({ name: "a.mp4", size: 6 * 1024 ** 3, type: "video/mp4" });
    expect(big).toMatchObject({ ok: false });
    expect(big.ok ? "" : big.error).toMatch(/6\.4 GB.*5\.4 GB/);
  });

  it("only warns about a type that is not video, and says nothing for an unknown type", () => {
    const pdf = checkVideoFile({ name: "notes.pdf", size: 10, type: "application/pdf" });
    expect(pdf).toMatchObject({ ok: true });
    expect(pdf.ok && pdf.warning).toMatch(/does not look like a video/);
    expect(checkVideoFile({ name: "clip.mkv", size: 10, type: "" })).toEqual({
      ok: true,
      warning: null,
    });
  });
});

describe("remembering an unfinished upload", () => {
  const pending = {
    assetId: "a1",
    filename: "clip.mp4",
    size: 100,
    lastModified: 1700,
    uploadedBytes: 42,
  };

  it("round-trips per lesson and is forgotten when cleared", () => {
    const store = memoryStore();
    writePendingUpload(store, "lesson-1", pending);
    expect(readPendingUpload(store, "lesson-1")).toEqual(pending);
    expect(readPendingUpload(store, "lesson-2")).toBeNull();
    clearPendingUpload(store, "lesson-1");
    expect(readPendingUpload(store, "lesson-1")).toBeNull();
  });

  it("ignores corrupt or foreign values", () => {
    const store = memoryStore();
    store.setItem("lumen:video-upload:l", "{not json");
    expect(readPendingUpload(store, "l")).toBeNull();
    store.setItem("lumen:video-upload:l", JSON.stringify({ ...pending, size: "100" }));
    expect(readPendingUpload(store, "l")).toBeNull();
  });

  it("recognises the same file by name, size and modification time", () => {
    expect(isSameFile(pending, { name: "clip.mp4", size: 100, lastModified: 1700 })).toBe(true);
    expect(isSameFile(pending, { name: "clip.mp4", size: 100, lastModified: 1701 })).toBe(false);
    expect(isSameFile(pending, { name: "other.mp4", size: 100, lastModified: 1700 })).toBe(false);
  });
});
