/** Largest caption file accepted (UTF-8 bytes). */
export const WEBVTT_MAX_BYTES = 1024 * 1024;

export type WebVttResult =
  | { ok: true; cues: number /** BOM stripped, `\n` line endings */; text: string }
  | { ok: false; reason: string };

const HEADER = /^WEBVTT(?:[ \t].*)?$/;
const TIMESTAMP = String.raw`(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})`;
const TIMING = new RegExp(String.raw`^${TIMESTAMP}[ \t]+-->[ \t]+${TIMESTAMP}(?:[ \t].*)?$`);
const ARROW = "-->";

function seconds(parts: (string | undefined)[]): number {
  const [h, m, s, ms] = parts.map((part) => Number(part ?? 0));
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0) + (ms ?? 0) / 1000;
}

const fail = (reason: string): WebVttResult => ({ ok: false, reason });

/** Checks one cue block; `first` is the 1-based line number of its first line. */
function checkCue(block: string[], first: number): string | null {
  const timingIndex = block[0]?.includes(ARROW) ? 0 : 1;
  const timing = block[timingIndex];
  const lineNo = first + timingIndex;
  if (timing === undefined || !timing.includes(ARROW)) {
    return `Line ${first}: expected a cue timing line such as "00:01.000 --> 00:04.000".`;
  }
  const match = TIMING.exec(timing);
  if (!match) {
    return `Line ${lineNo}: the cue timing is not valid (expected e.g. "00:01.000 --> 00:04.000").`;
  }
  const start = seconds(match.slice(1, 5));
  const end = seconds(match.slice(5, 9));
  if (end < start) return `Line ${lineNo}: the cue ends before it starts.`;
  if (end === start) return `Line ${lineNo}: the cue starts and ends at the same time.`;
  const arrowInText = block.findIndex((line, i) => i > timingIndex && line.includes(ARROW));
  if (arrowInText !== -1) return `Line ${first + arrowInText}: cue text cannot contain "-->".`;
  return null;
}

/** Blocks that are not cues (comments, styles, regions) and hold no timing. */
const isNonCueBlock = (line: string) => /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(line);

/**
 * Validates an uploaded WebVTT caption file strictly enough that a player will show every
 * cue, with reasons that point at the line to fix.
 */
export function validateWebVtt(input: string): WebVttResult {
  if (new TextEncoder().encode(input).length > WEBVTT_MAX_BYTES) {
    return fail("The caption file is larger than 1 MiB.");
  }
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  const nul = lines.findIndex((line) => line.includes("\0"));
  if (nul !== -1) return fail(`Line ${nul + 1}: the file contains a NUL character.`);
  if (!HEADER.test(lines[0] ?? "")) {
    return fail('The file does not start with the "WEBVTT" header, so it is not a WebVTT file.');
  }

  let cues = 0;
  let i = 1;
  // The header block runs to the first blank line; a timing inside it would be swallowed.
  for (; i < lines.length && lines[i] !== ""; i++) {
    if (lines[i]?.includes(ARROW)) {
      return fail(`Line ${i + 1}: leave a blank line between the WEBVTT header and the first cue.`);
    }
  }
  while (i < lines.length) {
    if (lines[i] === "") {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && lines[i] !== "") i++;
    const block = lines.slice(start, i);
    if (isNonCueBlock(block[0] ?? "") && !block[0]?.includes(ARROW)) continue;
    const problem = checkCue(block, start + 1);
    if (problem) return fail(problem);
    cues++;
  }
  if (cues === 0) return fail("The caption file has no cues.");
  return { ok: true, cues, text };
}
