/**
 * A bounded set of canvases shared by the pages of one view, so memory stays flat whatever the
 * document's length: a page takes a canvas when it is drawn and gives it back when it leaves
 * the render window. Invariants: at most `capacity` canvases ever exist; a returned canvas is
 * detached and shrunk to 0 × 0 (its bitmap freed at once, not at the next garbage collection).
 */
export class CanvasPool {
  readonly capacity: number;
  readonly #create: () => HTMLCanvasElement;
  readonly #free: HTMLCanvasElement[] = [];
  readonly #waiters = new Set<() => void>();
  #created = 0;

  constructor(
    capacity: number,
    create: () => HTMLCanvasElement = () => document.createElement('canvas'),
  ) {
    this.capacity = capacity;
    this.#create = create;
  }

  /** Canvases handed out and not yet returned. */
  get inUse(): number {
    return this.#created - this.#free.length;
  }

  /** A canvas for exclusive use until `release`; null when all `capacity` are in use. */
  acquire(): HTMLCanvasElement | null {
    const reused = this.#free.pop();
    if (reused) return reused;
    if (this.#created >= this.capacity) return null;
    this.#created += 1;
    return this.#create();
  }

  /** Takes a canvas back (detaching and emptying it) and tells whoever waits for one. */
  release(canvas: HTMLCanvasElement): void {
    if (this.#free.includes(canvas)) return;
    canvas.remove();
    canvas.width = 0;
    canvas.height = 0;
    canvas.removeAttribute('aria-label');
    canvas.removeAttribute('role');
    this.#free.push(canvas);
    for (const waiter of [...this.#waiters]) waiter();
  }

  /** Calls `listener` whenever a canvas is returned, until the returned function is called. */
  onAvailable(listener: () => void): () => void {
    this.#waiters.add(listener);
    return () => this.#waiters.delete(listener);
  }
}
