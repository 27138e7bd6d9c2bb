import { describe, expect, it } from "vitest";
import { playerKeyAction } from "./player-keys";

describe("player keyboard map", () => {
  it("maps the usual video-site keys to actions", () => {
    expect(playerKeyAction({ key: " " })).toEqual({ type: "togglePlay" });
    expect(playerKeyAction({ key: "k" })).toEqual({ type: "togglePlay" });
    expect(playerKeyAction({ key: "K" })).toEqual({ type: "togglePlay" });
    expect(playerKeyAction({ key: "j" })).toEqual({ type: "seekBy", seconds: -10 });
    expect(playerKeyAction({ key: "l" })).toEqual({ type: "seekBy", seconds: 10 });
    expect(playerKeyAction({ key: "ArrowLeft" })).toEqual({ type: "seekBy", seconds: -5 });
    expect(playerKeyAction({ key: "ArrowRight" })).toEqual({ type: "seekBy", seconds: 5 });
    expect(playerKeyAction({ key: "ArrowUp" })).toEqual({ type: "volumeBy", delta: 0.05 });
    expect(playerKeyAction({ key: "ArrowDown" })).toEqual({ type: "volumeBy", delta: -0.05 });
    expect(playerKeyAction({ key: "m" })).toEqual({ type: "toggleMute" });
    expect(playerKeyAction({ key: "f" })).toEqual({ type: "toggleFullscreen" });
    expect(playerKeyAction({ key: "c" })).toEqual({ type: "toggleCaptions" });
    expect(playerKeyAction({ key: "Home" })).toEqual({ type: "seekToFraction", fraction: 0 });
    expect(playerKeyAction({ key: "End" })).toEqual({ type: "seekToFraction", fraction: 1 });
  });

  it("makes the digits seek to tenths of the video", () => {
    expect(playerKeyAction({ key: "0" })).toEqual({ type: "seekToFraction", fraction: 0 });
    expect(playerKeyAction({ key: "4" })).toEqual({ type: "seekToFraction", fraction: 0.4 });
    expect(playerKeyAction({ key: "9" })).toEqual({ type: "seekToFraction", fraction: 0.9 });
  });

  it("leaves modified keys and unknown keys to the browser", () => {
    expect(playerKeyAction({ key: "f", ctrlKey: true })).toBeNull();
    expect(playerKeyAction({ key: "ArrowLeft", altKey: true })).toBeNull();
    expect(playerKeyAction({ key: "l", metaKey: true })).toBeNull();
    expect(playerKeyAction({ key: "Tab" })).toBeNull();
    expect(playerKeyAction({ key: "x" })).toBeNull();
  });
});
