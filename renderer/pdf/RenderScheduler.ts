/** Work the scheduler starts: `promise` must settle (wrap engine work in `withTimeout`). */
export interface ScheduledWork {
  readonly promise: Promise<unknown>;
  cancel(): void;
}

export interface ScheduledHandle {
  /** Drops the work if it has not started, cancels it if it has. Idempotent. */
  cancel(): void;
}

interface Entry {
  priority: number;
  order: number;
  start: () => ScheduledWork;
  running: ScheduledWork | null;
  done: boolean;
}

/**
 * Runs page renders a few at a time, most urgent first (lower `priority` first, then in order
 * of scheduling), so the page in view is not drawn after twenty thumbnails. Priority 0 (the
 * page in view) runs alone: nothing less urgent starts beside it, since every render shares
 * the one pdf.js worker and a neighbour started alongside only delays the page the member is
 * looking at. A render that hangs holds its slot only until its time limit settles its promise.
 */
export class RenderScheduler {
  readonly #concurrency: number;
  readonly #queue: Entry[] = [];
  #running = 0;
  /** Of `#running`: how many have priority 0. */
  #runningUrgent = 0;
  #order = 0;

  constructor(concurrency = 2) {
    this.#concurrency = Math.max(1, concurrency);
  }

  get pending(): number {
    return this.#queue.length;
  }

  get running(): number {
    return this.#running;
  }

  schedule(priority: number, start: () => ScheduledWork): ScheduledHandle {
    const entry: Entry = { priority, order: this.#order++, start, running: null, done: false };
    this.#queue.push(entry);
    this.#queue.sort((a, b) => a.priority - b.priority || a.order - b.order);
    queueMicrotask(() => this.#pump());
    return {
      cancel: () => {
        if (entry.done) return;
        entry.done = true;
        const index = this.#queue.indexOf(entry);
        if (index >= 0) this.#queue.splice(index, 1);
        entry.running?.cancel();
      },
    };
  }

  #pump(): void {
    while (this.#running < this.#concurrency) {
      const next = this.#queue[0];
      if (!next || (this.#runningUrgent > 0 && next.priority > 0)) return;
      const entry = next;
      this.#queue.shift();
      this.#running += 1;
      if (entry.priority <= 0) this.#runningUrgent += 1;
      let work: ScheduledWork;
      try {
        work = entry.start();
      } catch {
        this.#finish(entry);
        continue;
      }
      entry.running = work;
      work.promise.then(
        () => this.#finish(entry),
        () => this.#finish(entry),
      );
    }
  }

  #finish(entry: Entry): void {
    entry.done = true;
    entry.running = null;
    this.#running -= 1;
    if (entry.priority <= 0) this.#runningUrgent -= 1;
    this.#pump();
  }
}
