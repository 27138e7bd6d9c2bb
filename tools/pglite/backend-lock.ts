/**
 * Who may talk to the single PGlite backend right now. A connection holds it from its first
 * message until the backend is idle again (ReadyForQuery 'I'): for a whole explicit
 * transaction, or for a whole extended-protocol batch (Parse … Sync). Waiters are served
 * first come, first served.
 */
export class BackendLock {
  private holder: number | undefined;
  private since = 0;
  private readonly waiters: Array<{ id: number; grant: () => void }> = [];

  constructor(
    /** Called once per wait that lasts `warnAfterMs`; a stuck holder is the usual cause. */
    private readonly onSlowWait: (info: { waiter: number; holder: number; heldMs: number }) => void,
    private readonly warnAfterMs = 5_000,
  ) {}

  get owner(): number | undefined {
    return this.holder;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  async acquire(id: number): Promise<void> {
    if (this.holder === id) return;
    if (this.holder === undefined) {
      this.grantTo(id);
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (this.holder !== undefined && this.holder !== id) {
          this.onSlowWait({ waiter: id, holder: this.holder, heldMs: Date.now() - this.since });
        }
      }, this.warnAfterMs);
      timer.unref();
      this.waiters.push({
        id,
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  release(id: number): void {
    if (this.holder !== id) return;
    this.holder = undefined;
    const next = this.waiters.shift();
    if (next) {
      this.grantTo(next.id);
      next.grant();
    }
  }

  private grantTo(id: number) {
    this.holder = id;
    this.since = Date.now();
  }
}
