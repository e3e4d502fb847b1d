import { describe, expect, it, vi } from 'vitest';
import type { PdfDocument, PdfLoader, PdfLoadTask } from '../../../renderer/pdf/pdfTypes.ts';
import { preopenedLoader } from '../../../renderer/pdf/preopenedLoader.ts';

/** A loader recording what it opened; each task settles as `outcome` says. */
function recordingLoader(outcome: 'open' | 'fail' = 'open') {
  const opened: { bytes: Uint8Array; task: PdfLoadTask & { destroyed: boolean } }[] = [];
  const loader: PdfLoader = (bytes) => {
    const promise =
      outcome === 'open'
        ? Promise.resolve({ numPages: 1 } as unknown as PdfDocument)
        : Promise.reject(new Error('corrupt'));
    const task = {
      promise,
      destroyed: false,
      destroy: vi.fn(() => {
        task.destroyed = true;
        return Promise.resolve();
      }),
    };
    opened.push({ bytes, task });
    return task;
  };
  return { loader, opened };
}

describe('preopenedLoader', () => {
  const bytes = new Uint8Array([37, 80, 68, 70]);

  it('starts opening a copy at once and hands that task to the first call only', () => {
    const { loader, opened } = recordingLoader();
    const early = preopenedLoader(loader, bytes);
    expect(opened).toHaveLength(1);
    expect(opened[0]?.bytes).toEqual(bytes);
    expect(opened[0]?.bytes).not.toBe(bytes); // the engine may take its buffer
    expect(early.loader(bytes.slice())).toBe(opened[0]?.task);
    // A retry opens anew.
    const again = early.loader(bytes.slice());
    expect(again).toBe(opened[1]?.task);
    // Taken: disposing leaves it to its taker.
    early.dispose();
    expect(opened[0]?.task.destroyed).toBe(false);
  });

  it('destroys the early task nobody took', () => {
    const { loader, opened } = recordingLoader();
    preopenedLoader(loader, bytes).dispose();
    expect(opened[0]?.task.destroyed).toBe(true);
  });

  it('leaves a failure to whoever takes the task, without an unhandled rejection', async () => {
    const { loader } = recordingLoader('fail');
    const early = preopenedLoader(loader, bytes);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(early.loader(bytes).promise).rejects.toThrow('corrupt');
  });

  it('keeps the engine warm-up of the loader it wraps', () => {
    const { loader } = recordingLoader();
    const prepare = vi.fn();
    const early = preopenedLoader(Object.assign(loader, { prepare }), bytes);
    early.loader.prepare?.();
    expect(prepare).toHaveBeenCalledTimes(1);
  });
});
