/**
 * The player's keyboard map (the conventions of the big video sites), as a pure function so
 * it is tested apart from the DOM. Keys with a modifier are left to the browser.
 */
export type PlayerAction =
  | { type: "togglePlay" }
  | { type: "seekBy"; seconds: number }
  | { type: "seekToFraction"; fraction: number }
  | { type: "volumeBy"; delta: number }
  | { type: "toggleMute" }
  | { type: "toggleFullscreen" }
  | { type: "toggleCaptions" };

export interface KeyInput {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

export function playerKeyAction(event: KeyInput): PlayerAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  switch (key) {
    case " ":
    case "k":
      return { type: "togglePlay" };
    case "j":
      return { type: "seekBy", seconds: -10 };
    case "l":
      return { type: "seekBy", seconds: 10 };
    case "ArrowLeft":
      return { type: "seekBy", seconds: -5 };
    case "ArrowRight":
      return { type: "seekBy", seconds: 5 };
    case "ArrowUp":
      return { type: "volumeBy", delta: 0.05 };
    case "ArrowDown":
      return { type: "volumeBy", delta: -0.05 };
    case "m":
      return { type: "toggleMute" };
    case "f":
      return { type: "toggleFullscreen" };
    case "c":
      return { type: "toggleCaptions" };
    case "Home":
      return { type: "seekToFraction", fraction: 0 };
    case "End":
      return { type: "seekToFraction", fraction: 1 };
  }
  if (/^[0-9]$/.test(key)) return { type: "seekToFraction", fraction: Number(key) / 10 };
  return null;
}
