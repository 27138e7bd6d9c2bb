import { describe, expect, it } from "vitest";
// English is active: the messages these helpers build read as written.
import "../../../lib/i18n/testing";
import { createDraftSaver, type DraftStatus, draftStatusText } from "./draft-saver";

/** Timers run by hand, and saves that settle when the test says so. */
function harness() {
  const timers: Array<{ run: () => void; at: number; cleared: boolean }> = [];
  let now = 0;
  const saves: Array<{ code: string; resolve: () => void; reject: () => void }> = [];
  const statuses: DraftStatus[] = [];
  const saver = createDraftSaver({
    delayMs: 1000,
    onStatus: (s) => statuses.push(s),
    save: (code) =>
      new Promise<void>((resolve, reject) => {
        saves.push({ code, resolve, reject: () => reject(new Error("offline")) });
      }),
    timers: {
      set: (run, ms) => {
        const timer = { run, at: now + ms, cleared: false };
        timers.push(timer);
        return timer;
      },
      clear: (handle) => {
        (handle as { cleared: boolean }).cleared = true;
      },
    },
  });
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers) {
      if (!timer.cleared && timer.at <= now) {
        timer.cleared = true;
        timer.run();
      }
    }
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { saver, saves, statuses, advance, settle };
}

describe("draft autosave", () => {
  it("saves once, a second after typing pauses, the latest code", async () => {
    const { saver, saves, statuses, advance, settle } = harness();
    saver.change("a");
    advance(600);
    saver.change("ab");
    advance(600);
    expect(saves).toHaveLength(0);
    advance(400);
    expect(saves.map((s) => s.code)).toEqual(["ab"]);
    expect(statuses.at(-1)).toBe("saving");
    saves[0]?.resolve();
    await settle();
    expect(statuses.at(-1)).toBe("saved");
    expect(saver.dirty()).toBe(false);
  });

  it("keeps a failed save dirty and saves it again on retry", async () => {
    const { saver, saves, statuses, advance, settle } = harness();
    saver.change("x = 1");
    advance(1000);
    saves[0]?.reject();
    await settle();
    expect(statuses.at(-1)).toBe("failed");
    expect(draftStatusText("failed")).toBe("Couldn't save");
    expect(saver.dirty()).toBe(true);
    saver.flush();
    expect(saves.map((s) => s.code)).toEqual(["x = 1", "x = 1"]);
    saves[1]?.resolve();
    await settle();
    expect(statuses.at(-1)).toBe("saved");
  });

  it("flushes unsaved typing at once (leaving the page) and does nothing when clean", async () => {
    const { saver, saves, settle } = harness();
    saver.flush();
    expect(saves).toHaveLength(0);
    saver.change("draft");
    saver.flush();
    expect(saves.map((s) => s.code)).toEqual(["draft"]);
    saves[0]?.resolve();
    await settle();
    saver.flush();
    expect(saves).toHaveLength(1);
  });

  it("runs one save at a time: typing during a save is saved after it", async () => {
    const { saver, saves, statuses, advance, settle } = harness();
    saver.change("one");
    advance(1000);
    saver.change("two");
    advance(1000); // The first save is still under way: no second save in parallel.
    expect(saves).toHaveLength(1);
    saves[0]?.resolve();
    await settle();
    expect(saves.map((s) => s.code)).toEqual(["one", "two"]);
    saves[1]?.resolve();
    await settle();
    expect(statuses.at(-1)).toBe("saved");
  });

  it("stops its timer once disposed", () => {
    const { saver, saves, advance } = harness();
    saver.change("late");
    saver.dispose();
    advance(5000);
    expect(saves).toHaveLength(0);
  });
});
