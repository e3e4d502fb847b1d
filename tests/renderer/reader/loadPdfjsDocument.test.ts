// The loader's spare engine: at most one, warmed only when started ahead of need, taken by the
// next load (which waits for its warm-up), replaced with a warm one when a paper closes. The
// engine itself (pdf.js and its worker) is faked here; pdfjsEngine.test.ts runs the real one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  interface FakeEngine {
    id: number;
    pdfjs: { getDocument: ReturnType<typeof vi.fn> };
    worker: object;
    port: object;
  }
  const state = {
    started: [] as FakeEngine[],
    warmed: [] as number[],
    stopped: [] as number[],
    /** Resolves the warm-up of each engine, in order; pending until the test says so. */
    finishWarmUp: [] as (() => void)[],
  };
  const makeEngine = (): FakeEngine => {
    const id = state.started.length + 1;
    const engine: FakeEngine = {
      id,
      pdfjs: {
        getDocument: vi.fn(() => ({
          promise: Promise.resolve({ numPages: 2, getPage: vi.fn(), getOutline: vi.fn() }),
          destroy: vi.fn(() => Promise.resolve()),
        })),
      },
      worker: {},
      port: {},
    };
    state.started.push(engine);
    return engine;
  };
  return { state, makeEngine };
});

vi.mock('../../../renderer/pdf/pdfjsEngine.ts', () => ({
  startPdfjsEngine: vi.fn(() => Promise.resolve(fake.makeEngine())),
  warmPdfjsEngine: vi.fn(
    (engine: { id: number }) =>
      new Promise<void>((resolve) => {
        fake.state.warmed.push(engine.id);
        fake.state.finishWarmUp.push(resolve);
      }),
  ),
  stopPdfjsEngine: vi.fn((engine: { id: number }) => void fake.state.stopped.push(engine.id)),
}));

/** A fresh loader module (its spare is module state). */
async function freshLoader() {
  vi.resetModules();
  return (await import('../../../renderer/pdf/loadPdfjsDocument.ts')).loadPdfjsDocument;
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
const bytes = () => new Uint8Array([0x25, 0x50, 0x44, 0x46]);

beforeEach(() => {
  fake.state.started.length = 0;
  fake.state.warmed.length = 0;
  fake.state.stopped.length = 0;
  fake.state.finishWarmUp.length = 0;
  vi.stubGlobal('Worker', class {});
});
afterEach(async () => {
  await turn(); // a closed paper's replacement spare starts now, not in the next test
  vi.unstubAllGlobals();
});

describe('loadPdfjsDocument spare engine', () => {
  it('starts one spare however often it is prepared, and warms it only when ahead', async () => {
    const loader = await freshLoader();
    loader.prepare?.(true);
    loader.prepare?.(true);
    loader.prepare?.();
    await turn();
    expect(fake.state.started).toHaveLength(1);
    expect(fake.state.warmed).toEqual([1]);

    const other = await freshLoader();
    other.prepare?.();
    await turn();
    expect(fake.state.started).toHaveLength(2);
    expect(fake.state.warmed).toEqual([1]); // the second, prepared for bytes on their way, is not
  });

  it('hands the spare to the next load, which opens only once the warm-up is over', async () => {
    const loader = await freshLoader();
    loader.prepare?.(true);
    await turn();
    const task = loader(bytes());
    await turn();
    const engine = fake.state.started[0];
    expect(fake.state.started).toHaveLength(1);
    expect(engine?.pdfjs.getDocument).not.toHaveBeenCalled();
    fake.state.finishWarmUp[0]?.();
    await expect(task.promise).resolves.toMatchObject({ numPages: 2 });
    expect(engine?.pdfjs.getDocument).toHaveBeenCalledWith(
      expect.objectContaining({ worker: engine?.worker }),
    );
    await task.destroy();
  });

  it('opens at once on a cold engine when no spare is ready (the member is waiting)', async () => {
    const loader = await freshLoader();
    const task = loader(bytes());
    await expect(task.promise).resolves.toMatchObject({ numPages: 2 });
    expect(fake.state.warmed).toEqual([]);
    await task.destroy();
  });

  it('ends the paper worker on close and warms a new spare for the next paper', async () => {
    const loader = await freshLoader();
    const task = loader(bytes());
    await task.promise;
    await task.destroy();
    await task.destroy(); // idempotent: one replacement, not two
    expect(fake.state.stopped).toEqual([1]);
    await turn();
    expect(fake.state.started).toHaveLength(2);
    expect(fake.state.warmed).toEqual([2]);
    // The next paper takes that spare.
    fake.state.finishWarmUp[0]?.();
    const next = loader(bytes());
    await next.promise;
    expect(fake.state.started).toHaveLength(2);
    expect(fake.state.started[1]?.pdfjs.getDocument).toHaveBeenCalledTimes(1);
    await next.destroy();
  });

  it('stops the engine and rejects when destroyed before the engine started', async () => {
    const loader = await freshLoader();
    const task = loader(bytes());
    const destroyed = task.destroy();
    await expect(task.promise).rejects.toMatchObject({ name: 'AbortException' });
    await destroyed;
    expect(fake.state.stopped).toEqual([1]);
    expect(fake.state.started[0]?.pdfjs.getDocument).not.toHaveBeenCalled();
  });

  it('prepares nothing where there are no workers', async () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('Worker', undefined);
    const loader = await freshLoader();
    loader.prepare?.(true);
    await turn();
    expect(fake.state.started).toHaveLength(0);
  });
});
