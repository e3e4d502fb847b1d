import { vi } from 'vitest';

export interface CanvasCall {
  canvas: HTMLCanvasElement;
  method: string;
  args: unknown[];
}

function recordingContext(canvas: HTMLCanvasElement, calls: CanvasCall[]): RenderingContext {
  const record =
    (method: string) =>
    (...args: unknown[]) => {
      calls.push({ canvas, method, args });
    };
  return {
    canvas,
    font: '',
    fillStyle: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    save: record('save'),
    restore: record('restore'),
    translate: record('translate'),
    rotate: record('rotate'),
    fillText: record('fillText'),
    measureText: (text: string) => ({ width: text.length * 6 }),
  } as unknown as RenderingContext;
}

/**
 * Replaces `HTMLCanvasElement.prototype.getContext` (jsdom has none) with a 2D context that
 * records every call, in order, with the canvas it was made on. Returns the log and a restore.
 */
export function recordCanvasCalls(): { calls: CanvasCall[]; restore: () => void } {
  const calls: CanvasCall[] = [];
  const spy = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    return recordingContext(this, calls);
  });
  return { calls, restore: () => spy.mockRestore() };
}
