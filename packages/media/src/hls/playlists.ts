/**
 * HLS playlist text. Paths are relative to the master playlist (`hls/`), so a player that
 * opened `/v/<token>/master.m3u8` fetches everything else under the same token.
 */
export interface MasterRendition {
  /** Directory under hls/ holding `index.m3u8`, e.g. "360p-k3j9x2". */
  path: string;
  bandwidth: number;
  width: number;
  height: number;
  /** RFC 6381, e.g. "avc1.64001f,mp4a.40.2". */
  codecs: string;
}

export interface MasterCaption {
  language: string;
  label: string;
  /** The subtitle playlist under hls/, e.g. "captions/en-k3j9x2.m3u8". */
  path: string;
}

const SUBTITLE_GROUP = "subs";

function quoted(value: string): string {
  // Attribute values cannot contain quotes or line breaks (RFC 8216 §4.2).
  return `"${value.replace(/["\r\n]/g, "")}"`;
}

export function buildMasterPlaylist({
  renditions,
  captions,
}: {
  renditions: readonly MasterRendition[];
  captions: readonly MasterCaption[];
}): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:4", "#EXT-X-INDEPENDENT-SEGMENTS"];
  captions.forEach((caption, index) => {
    lines.push(
      [
        "#EXT-X-MEDIA:TYPE=SUBTITLES",
        `GROUP-ID=${quoted(SUBTITLE_GROUP)}`,
        `LANGUAGE=${quoted(caption.language)}`,
        `NAME=${quoted(caption.label)}`,
        `DEFAULT=NO`,
        `AUTOSELECT=${index === 0 ? "YES" : "NO"}`,
        `URI=${quoted(caption.path)}`,
      ].join(","),
    );
  });
  const sorted = [...renditions].sort((a, b) => a.bandwidth - b.bandwidth);
  for (const r of sorted) {
    const attributes = [
      `BANDWIDTH=${r.bandwidth}`,
      `RESOLUTION=${r.width}x${r.height}`,
      `CODECS=${quoted(r.codecs)}`,
    ];
    if (captions.length > 0) attributes.push(`SUBTITLES=${quoted(SUBTITLE_GROUP)}`);
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(",")}`, `${r.path}/index.m3u8`);
  }
  return `${lines.join("\n")}\n`;
}

/** A one-segment subtitle playlist around a whole WebVTT file (HLS needs one per track). */
export function buildSubtitlePlaylist({
  vttFile,
  durationSeconds,
}: {
  /** File name beside the playlist, e.g. "en-k3j9x2.vtt". */
  vttFile: string;
  durationSeconds: number;
}): string {
  const duration = Math.max(1, Math.ceil(durationSeconds));
  return [
    "#EXTM3U",
    "#EXT-X-VERSION:3",
    `#EXT-X-TARGETDURATION:${duration}`,
    "#EXT-X-MEDIA-SEQUENCE:0",
    "#EXT-X-PLAYLIST-TYPE:VOD",
    `#EXTINF:${duration.toFixed(3)},`,
    vttFile,
    "#EXT-X-ENDLIST",
    "",
  ].join("\n");
}

/** A short random id for per-attempt output directories (`<name>-<gen>`). */
export function generationId(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 10);
}
