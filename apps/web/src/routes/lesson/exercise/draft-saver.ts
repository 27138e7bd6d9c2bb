import { t } from "@lingui/core/macro";

export type DraftStatus = "idle" | "pending" | "saving" | "saved" | "failed";

/** Words for the quiet status beside the editor (built during render); null shows nothing. */
export function draftStatusText(status: DraftStatus): string | null {
  switch (status) {
    case "pending":
    case "saving":
      return t`Saving…`;
    case "saved":
      return t`Saved`;
    case "failed":
      return t`Couldn't save`;
    case "idle":
      return null;
  }
}

export interface DraftSaver {
  /** The learner typed: save this code once typing pauses. */
  change(code: string): void;
  /** Save now if anything is unsaved (leaving the page, retrying after a failure). */
  flush(): void;
  /** Whether some typing has not been saved yet. */
  dirty(): boolean;
  /** Stop the timer (the component is gone); a save under way still settles. */
  dispose(): void;
}

interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Draft autosave: a save `delayMs` after the last keystroke, one save at a time (typing during
 * a save saves again after it), and a failed save kept dirty until `flush` retries it.
 */
export function createDraftSaver({
  save,
  onStatus,
  delayMs = 1000,
  timers = realTimers,
}: {
  save: (code: string) => Promise<unknown>;
  onStatus: (status: DraftStatus) => void;
  delayMs?: number;
  timers?: Timers;
}): DraftSaver {
  let latest: string | null = null;
  let unsaved = false;
  let saving = false;
  let timer: unknown = null;
  let status: DraftStatus = "idle";
  const set = (next: DraftStatus) => {
    if (next === status) return;
    status = next;
    onStatus(next);
  };
  const cancel = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };
  const run = () => {
    cancel();
    if (!unsaved || latest === null) return;
    if (saving) return; // The save under way saves the rest when it settles.
    const code = latest;
    unsaved = false;
    saving = true;
    set("saving");
    save(code).then(
      () => {
        saving = false;
        // Typed during the save: its own timer saves that, or now when a flush was waiting.
        if (!unsaved) set("saved");
        else if (timer === null) run();
        else set("pending");
      },
      () => {
        saving = false;
        unsaved = true;
        set("failed");
      },
    );
  };
  return {
    change(code) {
      latest = code;
      unsaved = true;
      set("pending");
      cancel();
      timer = timers.set(run, delayMs);
    },
    flush: run,
    dirty: () => unsaved,
    dispose: cancel,
  };
}
