import { png } from "@lumen/core/testing";

/** A small cover image (a soft diagonal gradient with a band), so uploads need no fixture file. */
export function coverPng(width = 320, height = 180): Buffer {
  return Buffer.from(
    png(width, height, {
      fill: (x, y) => {
        const t = (x / width + y / height) / 2;
        const band = Math.abs(y - height * (0.3 + 0.4 * (x / width))) < height * 0.06;
        return band
          ? [255, 214, 102]
          : [Math.round(40 + 60 * t), Math.round(70 + 90 * t), Math.round(160 + 80 * t)];
      },
    }),
  );
}
