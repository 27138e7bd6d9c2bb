import { describe, expect, it } from "vitest";
import { jpeg, png, svg, webp, webpHeader, webpLossy } from "../testing";
import { identifyImage } from "./image-type";

describe("identifyImage", () => {
  it("reads type and size from PNG, JPEG and all three WebP flavours", () => {
    expect(identifyImage(png(3, 2))).toEqual({ contentType: "image/png", width: 3, height: 2 });
    expect(identifyImage(jpeg(17, 9))).toEqual({
      contentType: "image/jpeg",
      width: 17,
      height: 9,
    });
    expect(identifyImage(webp())).toEqual({ contentType: "image/webp", width: 1, height: 1 });
    expect(identifyImage(webpLossy())).toEqual({
      contentType: "image/webp",
      width: 3,
      height: 2,
    });
    expect(identifyImage(webpHeader(9000, 20))).toEqual({
      contentType: "image/webp",
      width: 9000,
      height: 20,
    });
  });

  it("refuses SVG, text, GIF and truncated headers whatever they are named", () => {
    const gif = Buffer.from("R0lGODlhAQABAAAAACw=", "base64");
    const text = Buffer.from("definitely a png, trust me");
    for (const bytes of [svg(), text, gif, png(3, 2).subarray(0, 20), jpeg(4, 4).subarray(0, 12)]) {
      expect(identifyImage(bytes)).toBeNull();
    }
  });

  it("skips JPEG segments before the frame header, including EXIF-sized ones", () => {
    const plain = jpeg(640, 480);
    const exif = [0xff, 0xe1, 0x01, 0x02, ...Array(0x100).fill(0x41)];
    const withExif = Uint8Array.from([...plain.subarray(0, 2), ...exif, ...plain.subarray(2)]);
    expect(identifyImage(withExif)).toMatchObject({ width: 640, height: 480 });
  });
});
