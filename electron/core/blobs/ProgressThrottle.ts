/**
 * Lets progress through at most once per `intervalMs` per key (10/s at 100 ms); state changes
 * bypass it (`force`), so the first and last event of a download are never dropped.
 */
export class ProgressThrottle {
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly last = new Map<string, number>();

  constructor(intervalMs: number, now: () => number) {
    this.intervalMs = intervalMs;
    this.now = now;
  }

  /** True when an event for `key` may be emitted now (and records it). */
  allow(key: string, force = false): boolean {
    const t = this.now();
    const previous = this.last.get(key);
    if (!force && previous !== undefined && t - previous < this.intervalMs) return false;
    this.last.set(key, t);
    return true;
  }

  forget(key: string): void {
    this.last.delete(key);
  }
}
