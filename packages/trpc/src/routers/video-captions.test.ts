import type { SessionUser, ValidationError } from "@lumen/core/kernel";
import {
  addVideoLesson,
  createCourse,
  createUser,
  createVideoAsset,
  readyRendition,
} from "@lumen/core/testing";
import { videoCaptions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, errorOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

// Caption files land in the in-memory media store (what R2 holds behind the edge).
let t: TestContext;
let owner: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

const api = () => t.callerFor(owner).video;
const VTT = "\uFEFFWEBVTT\r\n\r\n00:00.000 --> 00:02.500\r\nHello there\r\n";

/** A processed asset: 60 s long, with a ready 360p rendition when `playable`. */
async function asset({ playable }: { playable: boolean }) {
  const course = await createCourse(t.db, owner, { status: "draft", publishedAt: null });
  const lesson = await addVideoLesson(t.db, course.id);
  return createVideoAsset(t.db, lesson, owner, {
    status: playable ? "processing" : "queued",
    durationSeconds: 60,
    renditions: playable ? [readyRendition(360)] : [],
  });
}

const files = (assetId: string) => t.mediaStore.list(assetId, "");
function text(assetId: string, path: string) {
  const object = t.mediaStore.objects.get(`videos/${assetId}/${path}`);
  return object && { text: new TextDecoder().decode(object.bytes), type: object.contentType };
}
const captionRows = (assetId: string) =>
  t.db.select().from(videoCaptions).where(eq(videoCaptions.assetId, assetId));

describe("video.addCaption", () => {
  it("stores the WebVTT (normalized) beside a subtitle playlist as long as the video", async () => {
    const { id } = await asset({ playable: false });
    const tracks = await api().addCaption({
      assetId: id,
      language: "pt-BR",
      label: "Português",
      vtt: VTT,
    });
    expect(tracks).toEqual([{ language: "pt-BR", label: "Português" }]);
    const [row] = await captionRows(id);
    expect(row?.path).toMatch(/^captions\/pt-BR-[0-9a-f]{10}\.vtt$/);
    const vttName = row?.path.slice("captions/".length) ?? "";
    expect(await files(id)).toEqual([
      `hls/${row?.path.replace(/\.vtt$/, ".m3u8")}`,
      `hls/${row?.path}`,
    ]);
    expect(text(id, `hls/${row?.path}`)).toEqual({
      text: "WEBVTT\n\n00:00.000 --> 00:02.500\nHello there\n",
      type: "text/vtt; charset=utf-8",
    });
    const playlist = text(id, `hls/${row?.path.replace(/\.vtt$/, ".m3u8")}`);
    expect(playlist?.type).toBe("application/vnd.apple.mpegurl");
    expect(playlist?.text).toContain(`#EXTINF:60.000,\n${vttName}\n#EXT-X-ENDLIST`);
  });

  it("adds the track to the master playlist once a rendition is playable", async () => {
    const { id } = await asset({ playable: true });
    await api().addCaption({ assetId: id, language: "en", label: "English", vtt: VTT });
    const [row] = await captionRows(id);
    const master = text(id, "hls/master.m3u8")?.text ?? "";
    expect(master).toContain(
      `LANGUAGE="en",NAME="English",DEFAULT=NO,AUTOSELECT=YES,URI="${row?.path.replace(/\.vtt$/, ".m3u8")}"`,
    );
    expect(master).toContain('SUBTITLES="subs"\n360p-gen360/index.m3u8');
  });

  it("refuses an invalid file with the reason under `vtt`, storing nothing", async () => {
    const { id } = await asset({ playable: true });
    const error = await errorOf(
      api().addCaption({ assetId: id, language: "en", label: "English", vtt: "Hello\n" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as ValidationError).fieldErrors.vtt?.[0]).toMatch(/WEBVTT/);
    expect(await files(id)).toEqual([]);
    expect(await captionRows(id)).toEqual([]);
  });

  it("refuses malformed language tags and empty labels", async () => {
    const { id } = await asset({ playable: false });
    for (const [language, label] of [
      ["English", "English"],
      ["en_US", "English"],
      ["../x", "English"],
      ["en", " "],
    ] as const) {
      expect(await codeOf(api().addCaption({ assetId: id, language, label, vtt: VTT }))).toBe(
        "BAD_REQUEST",
      );
    }
    expect(await files(id)).toEqual([]);
  });

  it("replacing a language switches the playlist to the new files and deletes the old ones", async () => {
    const { id } = await asset({ playable: true });
    await api().addCaption({ assetId: id, language: "en", label: "English", vtt: VTT });
    const [old] = await captionRows(id);
    const tracks = await api().addCaption({
      assetId: id,
      language: "en",
      label: "English (CC)",
      vtt: VTT.replace("Hello there", "Hi"),
    });
    expect(tracks).toEqual([{ language: "en", label: "English (CC)" }]);
    const rows = await captionRows(id);
    expect(rows).toHaveLength(1);
    const path = rows[0]?.path ?? "";
    expect(path).not.toBe(old?.path);
    expect(await files(id)).toEqual(
      [`hls/${path.replace(/\.vtt$/, ".m3u8")}`, `hls/${path}`, "hls/master.m3u8"].sort(),
    );
    expect(text(id, `hls/${path}`)?.text).toContain("Hi\n");
    const master = text(id, "hls/master.m3u8")?.text ?? "";
    expect(master).toContain('NAME="English (CC)"');
    expect(master).not.toContain(old?.path.replace(/\.vtt$/, "") ?? "-");
  });
});

describe("video.removeCaption", () => {
  it("removes the track from the playlist and deletes its files; a second removal is NOT_FOUND", async () => {
    const { id } = await asset({ playable: true });
    await api().addCaption({ assetId: id, language: "en", label: "English", vtt: VTT });
    await api().addCaption({ assetId: id, language: "fr", label: "Français", vtt: VTT });
    const tracks = await api().removeCaption({ assetId: id, language: "en" });
    expect(tracks).toEqual([{ language: "fr", label: "Français" }]);
    const [fr] = await captionRows(id);
    expect(await files(id)).toEqual(
      [`hls/${fr?.path.replace(/\.vtt$/, ".m3u8")}`, `hls/${fr?.path}`, "hls/master.m3u8"].sort(),
    );
    const master = text(id, "hls/master.m3u8")?.text ?? "";
    expect(master).not.toContain('LANGUAGE="en"');
    expect(master).toContain('LANGUAGE="fr"');

    expect(await codeOf(api().removeCaption({ assetId: id, language: "en" }))).toBe("NOT_FOUND");
    await api().removeCaption({ assetId: id, language: "fr" });
    expect(text(id, "hls/master.m3u8")?.text).not.toContain("SUBTITLES");
  });
});
