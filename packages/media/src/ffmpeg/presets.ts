import type { RenditionPlan } from "./ladder";

/**
 * x264 speed settings per rung, chosen for the product target on a 2-core runner with a 60 s
 * 1080p30 source: the lowest rung alone in ≤ ~12 s, 720p + 1080p from one decode in ≤ ~33 s.
 *
 * Measured with encodeHls on this 2-vCPU VM (ffmpeg 5.1; source: 60 s testsrc2 1080p30 H.264
 * 6 Mb/s + AAC; run-to-run noise from the shared host is ±20 %). Wall s (CPU s):
 *   360p veryfast alone ............................ 10.5–13.6 (18–24), median ~12.5
 *   720p veryfast   + 1080p superfast .............. 40.0–41.3 (75–77)   too slow
 *   720p veryfast   + 1080p veryfast ............... 49.7–54.4 (95–104)
 *   720p superfast  + 1080p superfast .............. 42.7 (78)
 *   720p superfast  + 1080p ultrafast+cabac/deblock/aq (chosen), AAC "fast"
 *                                                    25.6–31.1 (47–57), median ~28
 * Where the time goes (CPU s per source minute): decoding 1080p ~11, bilinear downscale ~3,
 * AAC ~6 (twoloop) or ~3 (fast) per rendition; x264 1080p ultrafast+cabac/deblock/aq ~17,
 * superfast ~29, veryfast ~44. The 360p job is bound by the decode, not by its preset.
 * Quality (SSIM vs the source, first 30 s, synthetic content, so only indicative):
 *   1080p @ 5 Mb/s: ultrafast 0.9898, +cabac/deblock/aq 0.9930, superfast 0.9944, veryfast 0.9960
 *   720p @ 2.8 Mb/s: ultrafast+cabac/deblock/aq 0.9940, superfast 0.9943, veryfast 0.9945
 *   360p @ 800 kb/s: superfast 0.9949, veryfast 0.9952
 * 1080p's generous bitrate hides most of ultrafast's loss; CABAC (~10 % fewer bits), the
 * deblocking filter and adaptive quantisation put back the visible part for ~3 CPU s/min.
 */
interface X264Choice {
  preset: string;
  /** `-x264-params` on top of the preset */
  params?: string;
}

const BY_RUNG: Record<string, X264Choice> = {
  "360p": { preset: "veryfast" },
  "720p": { preset: "superfast" },
  "1080p": { preset: "ultrafast", params: "cabac=1:deblock=1:aq-mode=1" },
};

/** Rungs below 360p are cheap at any preset. */
const DEFAULT: X264Choice = { preset: "veryfast" };

export function x264Args(rendition: RenditionPlan): string[] {
  const choice = BY_RUNG[rendition.name] ?? DEFAULT;
  return choice.params
    ? ["-preset", choice.preset, "-x264-params", choice.params]
    : ["-preset", choice.preset];
}
