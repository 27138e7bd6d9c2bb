export interface RenditionPlan {
  /** `<short side>p`, e.g. "720p"; also the job payload's rendition name. */
  name: string;
  width: number;
  height: number;
  /** bits per second */
  videoBitrate: number;
  /** bits per second; 0 when the source has no audio */
  audioBitrate: number;
  /** Peak for the master playlist's BANDWIDTH. */
  bandwidth: number;
}

const RUNGS = [
  { short: 360, videoBitrate: 800_000, audioBitrate: 96_000 },
  { short: 720, videoBitrate: 2_800_000, audioBitrate: 128_000 },
  { short: 1080, videoBitrate: 5_000_000, audioBitrate: 128_000 },
] as const;

/** The encoder caps the video rate at this multiple of the target (VBV maxrate). */
export const MAXRATE_FACTOR = 1.1;
/** MPEG-TS packetisation and VBV slack on top of the capped rates. */
const BANDWIDTH_HEADROOM = 1.15;
const SMALL_AUDIO_BITRATE = 64_000;
const MIN_VIDEO_BITRATE = 200_000;

const roundEven = (value: number) => Math.max(2, Math.round(value / 2) * 2);
const floorEven = (value: number) => Math.max(2, Math.floor(value / 2) * 2);

function plan(
  name: string,
  width: number,
  height: number,
  videoBitrate: number,
  audioBitrate: number,
): RenditionPlan {
  const bandwidth = Math.ceil((videoBitrate * MAXRATE_FACTOR + audioBitrate) * BANDWIDTH_HEADROOM);
  return { name, width, height, videoBitrate, audioBitrate, bandwidth };
}

/**
 * The HLS ladder for a source, lowest first: 360p/720p/1080p on the shorter side (so portrait
 * video gets the same rungs), never above the source, keeping its aspect ratio with even
 * dimensions (H.264 4:2:0 needs them). A source below 360p gets one rendition at its own size.
 */
export function planLadder(source: {
  width: number;
  height: number;
  hasAudio: boolean;
}): RenditionPlan[] {
  const portrait = source.height > source.width;
  const short = portrait ? source.width : source.height;
  const long = portrait ? source.height : source.width;
  const size = (s: number, l: number) => (portrait ? [s, l] : [l, s]) as [number, number];

  const rungs = RUNGS.filter((rung) => rung.short <= short);
  if (rungs.length === 0) {
    const [width, height] = size(floorEven(short), floorEven(long));
    const pixelShare = (width * height) / (640 * 360);
    const videoBitrate = Math.max(
      MIN_VIDEO_BITRATE,
      Math.round((RUNGS[0].videoBitrate * pixelShare) / 1000) * 1000,
    );
    const audio = source.hasAudio ? SMALL_AUDIO_BITRATE : 0;
    return [plan(`${floorEven(short)}p`, width, height, videoBitrate, audio)];
  }
  return rungs.map((rung) => {
    // Clamped so an odd-sized source is never upscaled by the rounding.
    const scaledLong = Math.min(roundEven((rung.short * long) / short), floorEven(long));
    const [width, height] = size(rung.short, scaledLong);
    const audio = source.hasAudio ? rung.audioBitrate : 0;
    return plan(`${rung.short}p`, width, height, rung.videoBitrate, audio);
  });
}
