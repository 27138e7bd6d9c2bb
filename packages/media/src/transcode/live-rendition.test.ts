import { describe, expect, it } from "vitest";
import { isWholePlaylist } from "./live-rendition";

const header = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXT-X-PLAYLIST-TYPE:EVENT\n";
const two = `${header}#EXTINF:6.000000,\nseg_00000.ts\n#EXTINF:6.000000,\nseg_00001.ts\n`;

describe("a playlist read while ffmpeg rewrites it in place", () => {
  it("is whole when it has its header, ends a line and extends the last one uploaded", () => {
    expect(isWholePlaylist(header, [])).toBe(true);
    expect(isWholePlaylist(two, [])).toBe(true);
    expect(isWholePlaylist(two, ["seg_00000.ts"])).toBe(true);
    expect(isWholePlaylist(`${two}#EXT-X-ENDLIST\n`, ["seg_00000.ts", "seg_00001.ts"])).toBe(true);
  });

  it("is not whole when truncated: empty, mid-line, or an #EXTINF without its segment", () => {
    expect(isWholePlaylist("", [])).toBe(false);
    expect(isWholePlaylist(two.slice(0, -4), [])).toBe(false);
    expect(isWholePlaylist(`${header}#EXTINF:6.000000,\n`, [])).toBe(false);
  });

  it("is not whole when it names fewer segments than were uploaded, or others", () => {
    expect(isWholePlaylist(header, ["seg_00000.ts"])).toBe(false);
    expect(isWholePlaylist(two, ["seg_00001.ts"])).toBe(false);
  });
});
