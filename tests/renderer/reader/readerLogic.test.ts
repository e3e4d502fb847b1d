import { describe, expect, it, vi } from 'vitest';
import {
  currentPageIndex,
  layoutPages,
  PAGE_GAP,
  pageAtOffset,
  renderWindow,
} from '../../../renderer/features/reader/pageLayout.ts';
import { readerKeyCommand } from '../../../renderer/features/reader/readerKeyCommand.ts';
import {
  createViewStateSaver,
  loadKeptViewState,
  viewStateFor,
  type ViewStatePort,
} from '../../../renderer/features/reader/viewStateStore.ts';
import { windowRange } from '../../../renderer/features/reader/windowRange.ts';
import {
  CSS_PX_PER_PT,
  FIT_PAGE,
  FIT_WIDTH,
  percentZoom,
  resolveScale,
  scaleToPercent,
  wheelZoom,
  zoomIn,
  zoomOut,
} from '../../../renderer/features/reader/zoom.ts';
import { planScaledCanvas } from '../../../renderer/pdf/canvasScale.ts';
import { CanvasPool } from '../../../renderer/pdf/CanvasPool.ts';
import { drawWatermark, type WatermarkContext } from '../../../renderer/pdf/drawWatermark.ts';
import { allowedExternalUrl, linkAction } from '../../../renderer/pdf/linkPolicy.ts';
import { RenderScheduler } from '../../../renderer/pdf/RenderScheduler.ts';

const A4 = { width: 595, height: 842 };

describe('zoom', () => {
  it('fits the width or the whole page into the room available', () => {
    expect(resolveScale(FIT_WIDTH, { width: 800, height: 600 }, A4)).toBeCloseTo(800 / 595, 12);
    expect(resolveScale(FIT_PAGE, { width: 800, height: 600 }, A4)).toBeCloseTo(600 / 842, 12);
    // A landscape page in a tall window is limited by its width.
    expect(
      resolveScale(FIT_PAGE, { width: 800, height: 2000 }, { width: 842, height: 595 }),
    ).toBeCloseTo(800 / 842, 12);
  });

  it('makes 100 % life size (96 CSS px per inch) and clamps percentages to 50–400 %', () => {
    expect(resolveScale(percentZoom(100), { width: 1, height: 1 }, A4)).toBeCloseTo(96 / 72, 12);
    expect(percentZoom(20)).toEqual({ kind: 'percent', value: 50 });
    expect(percentZoom(1000)).toEqual({ kind: 'percent', value: 400 });
    // Fit modes stay within 10–400 % too.
    expect(scaleToPercent(resolveScale(FIT_WIDTH, { width: 100_000, height: 1 }, A4))).toBeCloseTo(
      400,
      9,
    );
  });

  it('steps in and out through the zoom steps, and wheels multiplicatively', () => {
    const at = (percent: number) => (percent / 100) * CSS_PX_PER_PT;
    expect(zoomIn(at(100))).toEqual({ kind: 'percent', value: 110 });
    expect(zoomIn(at(104))).toEqual({ kind: 'percent', value: 110 });
    expect(zoomOut(at(100))).toEqual({ kind: 'percent', value: 90 });
    expect(zoomIn(at(400))).toEqual({ kind: 'percent', value: 400 });
    expect(zoomOut(at(50))).toEqual({ kind: 'percent', value: 50 });
    const wheeled = wheelZoom(at(100), -100);
    expect(wheeled.kind === 'percent' && wheeled.value).toBeCloseTo(100 * Math.exp(0.2), 1);
    expect(wheelZoom(at(400), -100)).toEqual({ kind: 'percent', value: 400 });
  });
});

describe('page layout', () => {
  const sizes = Array.from({ length: 1000 }, (_, i) =>
    i === 2 ? { width: 842, height: 595 } : A4,
  );
  const layout = layoutPages(sizes, 1);

  it('stacks pages with gaps and knows the column height', () => {
    expect(layout.tops[0]).toBe(PAGE_GAP);
    expect(layout.tops[1]).toBe(PAGE_GAP + 842 + PAGE_GAP);
    expect(layout.tops[3]).toBe(PAGE_GAP + 2 * (842 + PAGE_GAP) + 595 + PAGE_GAP);
    expect(layout.totalHeight).toBe(PAGE_GAP + 999 * (842 + PAGE_GAP) + 595 + PAGE_GAP);
    expect(layout.maxWidth).toBe(842);
  });

  it('finds the page at an offset and the pages to draw, never more than asked', () => {
    expect(pageAtOffset(layout, 0)).toBe(0);
    expect(pageAtOffset(layout, layout.tops[500] ?? 0)).toBe(500);
    expect(pageAtOffset(layout, (layout.tops[500] ?? 0) - 1)).toBe(499);
    expect(renderWindow(layout, layout.tops[500] ?? 0, 1000, 10)).toEqual([499, 500, 501, 502]);
    // Tiny pages: many visible, capped around the middle of the view.
    const tiny = layoutPages(
      Array.from({ length: 100 }, () => ({ width: 50, height: 20 })),
      1,
    );
    const window = renderWindow(tiny, 0, 1000, 10);
    expect(window).toHaveLength(10);
  });

  it('calls current the page showing most of itself, and the last page at the very end', () => {
    const top = layout.tops[10] ?? 0;
    expect(currentPageIndex(layout, top + 300, 1000)).toBe(10);
    expect(currentPageIndex(layout, top + 600, 1000)).toBe(11);
    expect(currentPageIndex(layout, layout.totalHeight - 1000, 1000)).toBe(999);
  });

  it('windows fixed-height lists', () => {
    expect(windowRange(0, 500, 100, 1000)).toEqual({ start: 0, end: 7 });
    expect(windowRange(10_000, 500, 100, 1000)).toEqual({ start: 98, end: 107 });
    expect(windowRange(0, 500, 100, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('crisp canvases', () => {
  it('backs the page with CSS size × device pixel ratio, within the area cap', () => {
    expect(planScaledCanvas(A4, 1.5, 2, 1e9)).toEqual({
      scale: 3,
      width: Math.floor(595 * 3),
      height: Math.floor(842 * 3),
    });
    const capped = planScaledCanvas({ width: 20_000, height: 20_000 }, 2, 2, 16_777_216);
    expect(capped.width * capped.height).toBeLessThanOrEqual(16_777_216);
    expect(capped.width).toBeGreaterThan(4000);
  });
});

describe('keyboard', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
  ) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  it('maps reading keys, and leaves them alone while typing', () => {
    expect(readerKeyCommand(key('PageDown'), false)).toBe('pageDown');
    expect(readerKeyCommand(key('PageUp'), false)).toBe('pageUp');
    expect(readerKeyCommand(key('Home'), false)).toBe('first');
    expect(readerKeyCommand(key('End'), false)).toBe('last');
    expect(readerKeyCommand(key('ArrowDown'), false)).toBe('lineDown');
    expect(readerKeyCommand(key('ArrowRight'), false)).toBe('nextPage');
    expect(readerKeyCommand(key('Home'), true)).toBeNull();
    expect(readerKeyCommand(key('PageDown', { shiftKey: true }), false)).toBeNull();
  });

  it('maps ctrl/⌘ shortcuts even while typing', () => {
    expect(readerKeyCommand(key('f', { ctrlKey: true }), true)).toBe('find');
    expect(readerKeyCommand(key('F', { metaKey: true }), false)).toBe('find');
    expect(readerKeyCommand(key('=', { ctrlKey: true }), false)).toBe('zoomIn');
    expect(readerKeyCommand(key('-', { ctrlKey: true }), false)).toBe('zoomOut');
    expect(readerKeyCommand(key('0', { ctrlKey: true }), false)).toBe('zoomReset');
    expect(readerKeyCommand(key('c', { ctrlKey: true }), false)).toBeNull();
  });
});

describe('link policy', () => {
  it('lets only https and mailto out, and internal destinations through', () => {
    expect(allowedExternalUrl('https://chinhphu.vn/van-ban')).toBe('https://chinhphu.vn/van-ban');
    expect(allowedExternalUrl('mailto:vpcp@chinhphu.vn')).toBe('mailto:vpcp@chinhphu.vn');
    for (const raw of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///etc/passwd',
      'http://example.com',
      'https://user:pw@example.com',
      'data:text/html,<b>x</b>',
      'app://renderer/index.html',
      '../relative',
      '',
      null,
    ])
      expect(allowedExternalUrl(raw), String(raw)).toBeNull();
    expect(linkAction({ url: null, destination: { pageIndex: 3, top: null } })).toEqual({
      kind: 'internal',
      destination: { pageIndex: 3, top: null },
    });
    expect(linkAction({ url: 'javascript:void(0)', destination: null })).toEqual({ kind: 'inert' });
  });
});

describe('canvas pool', () => {
  it('never creates more than its capacity and empties what it takes back', () => {
    const pool = new CanvasPool(2);
    const a = pool.acquire();
    const b = pool.acquire();
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(pool.acquire()).toBeNull();
    if (!a) throw new Error('unreachable');
    a.width = 800;
    a.height = 600;
    document.body.append(a);
    const waiter = vi.fn();
    const stop = pool.onAvailable(waiter);
    pool.release(a);
    expect(waiter).toHaveBeenCalledTimes(1);
    stop();
    expect(a.isConnected).toBe(false);
    expect([a.width, a.height]).toEqual([0, 0]);
    expect(pool.acquire()).toBe(a);
    expect(pool.inUse).toBe(2);
  });
});

describe('render scheduler', () => {
  function deferred() {
    let resolve: () => void = () => {};
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  }

  it('runs the most urgent work first, a few at a time, and cancels queued work', async () => {
    const scheduler = new RenderScheduler(1);
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const job = (name: string) => () => {
      started.push(name);
      const gate = deferred();
      gates.set(name, gate);
      return { promise: gate.promise, cancel: vi.fn() };
    };
    scheduler.schedule(5, job('thumbnail'));
    scheduler.schedule(0, job('visible'));
    const dropped = scheduler.schedule(1, job('dropped'));
    scheduler.schedule(1, job('neighbour'));
    await Promise.resolve();
    expect(started).toEqual(['visible']);
    dropped.cancel();
    gates.get('visible')?.resolve();
    await vi.waitFor(() => expect(started).toEqual(['visible', 'neighbour']));
    gates.get('neighbour')?.resolve();
    await vi.waitFor(() => expect(started).toEqual(['visible', 'neighbour', 'thumbnail']));
  });

  it('runs the page in view alone, then the others two at a time', async () => {
    const scheduler = new RenderScheduler(2);
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const job = (name: string) => () => {
      started.push(name);
      const gate = deferred();
      gates.set(name, gate);
      return { promise: gate.promise, cancel: vi.fn() };
    };
    scheduler.schedule(0, job('in view'));
    scheduler.schedule(1, job('next'));
    scheduler.schedule(1, job('previous'));
    await Promise.resolve();
    expect(started).toEqual(['in view']);
    gates.get('in view')?.resolve();
    await vi.waitFor(() => expect(started).toEqual(['in view', 'next', 'previous']));
    // A page coming into view while neighbours draw still starts at once (a free slot).
    gates.get('next')?.resolve();
    scheduler.schedule(0, job('scrolled to'));
    await vi.waitFor(() => expect(started).toContain('scrolled to'));
    expect(scheduler.running).toBe(2);
  });

  it('cancels running work through its own cancel', async () => {
    const scheduler = new RenderScheduler(2);
    const cancel = vi.fn();
    const handle = scheduler.schedule(0, () => ({ promise: new Promise(() => {}), cancel }));
    await Promise.resolve();
    handle.cancel();
    expect(cancel).toHaveBeenCalledTimes(1);
  });
});

describe('watermark drawing', () => {
  function recorder() {
    const calls: Array<[string, unknown[]]> = [];
    const context: WatermarkContext = {
      font: '',
      fillStyle: '',
      textAlign: 'start',
      textBaseline: 'alphabetic',
      save: () => calls.push(['save', []]),
      restore: () => calls.push(['restore', []]),
      translate: (...args) => calls.push(['translate', args]),
      rotate: (...args) => calls.push(['rotate', args]),
      fillText: (...args) => calls.push(['fillText', args]),
      measureText: (text) => ({ width: text.length * 6 }) as TextMetrics,
    };
    return { calls, context };
  }

  it('repeats every line diagonally, semi-transparent, in a bounded number of calls', () => {
    const { calls, context } = recorder();
    drawWatermark(context, 1600, 2263, ['Nguyễn Văn A', 'Bộ Tài chính', '', 'Thiết bị X'], 2.7);
    expect(calls[0]?.[0]).toBe('save');
    expect(calls.at(-1)?.[0]).toBe('restore');
    const rotation = calls.find(([method]) => method === 'rotate')?.[1][0] as number;
    expect(rotation).toBeCloseTo(-Math.atan2(2263, 1600), 9);
    const texts = calls.filter(([method]) => method === 'fillText').map(([, args]) => args[0]);
    expect(new Set(texts)).toEqual(new Set(['Nguyễn Văn A', 'Bộ Tài chính', 'Thiết bị X']));
    expect(texts.length).toBeGreaterThan(30);
    expect(texts.length).toBeLessThanOrEqual(3 * 500);
    expect(context.fillStyle).toMatch(/rgba\(.*0\.\d+\)/);
    // A huge canvas does not mean a huge number of calls.
    const huge = recorder();
    drawWatermark(huge.context, 40_000, 40_000, ['a', 'b'], 0.1);
    expect(huge.calls.filter(([m]) => m === 'fillText').length).toBeLessThanOrEqual(2 * 500);
  });

  it('draws nothing without lines', () => {
    const { calls, context } = recorder();
    drawWatermark(context, 100, 100, ['  '], 1);
    expect(calls).toEqual([]);
  });
});

describe('viewStateStore (reading positions kept by the core)', () => {
  const sha = 'a'.repeat(64);
  const state = { page: 12, offsetPt: 240.5, zoom: { kind: 'percent', value: 150 } } as const;

  /** A core that records writes; each `set` waits for the test to release it. */
  function fakePort() {
    const writes: unknown[] = [];
    const release: Array<() => void> = [];
    const port: ViewStatePort = {
      get: () => Promise.resolve(null),
      set: (_documentId, _sha256, s) =>
        new Promise<void>((resolve) => {
          writes.push(s);
          release.push(resolve);
        }),
    };
    return { port, writes, release };
  }

  it('loads what the core kept with its file, and null for what it cannot parse or read', async () => {
    const ok: ViewStatePort = {
      get: () => Promise.resolve({ sha256: sha, position: state }),
      set: () => Promise.resolve(),
    };
    expect(await loadKeptViewState('doc-1', ok)).toEqual({ sha256: sha, state });
    const none: ViewStatePort = { ...ok, get: () => Promise.resolve(null) };
    expect(await loadKeptViewState('doc-1', none)).toBeNull();
    const bad: ViewStatePort = {
      ...ok,
      get: () => Promise.resolve({ sha256: sha, position: { page: -3 } }),
    };
    expect(await loadKeptViewState('doc-1', bad)).toBeNull();
    const broken: ViewStatePort = { ...ok, get: () => Promise.reject(new Error('closed')) };
    expect(await loadKeptViewState('doc-1', broken)).toBeNull();
  });

  it('offers the kept state only for the same file: a new version starts at the top', () => {
    expect(viewStateFor({ sha256: sha, state }, sha)).toEqual(state);
    expect(viewStateFor({ sha256: sha, state }, 'b'.repeat(64))).toBeNull();
    expect(viewStateFor(null, sha)).toBeNull();
  });

  it('coalesces a burst of reports: one write in flight, then only the latest', async () => {
    const { port, writes, release } = fakePort();
    const saver = createViewStateSaver('doc-1', sha, port);
    for (let page = 1; page <= 5; page += 1) saver.save({ ...state, page });
    expect(writes).toEqual([{ ...state, page: 1 }]);
    release.shift()?.();
    await vi.waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toEqual({ ...state, page: 5 });
    release.shift()?.();
    await saver.idle();
    expect(writes).toHaveLength(2);
    saver.save({ ...state, page: 0 }); // not a valid state (pages are 1-based): never written
    expect(writes).toHaveLength(2);
  });

  it('a failed write is dropped without an error, and later ones still go', async () => {
    const writes: unknown[] = [];
    const port: ViewStatePort = {
      get: () => Promise.resolve(null),
      set: (_d, _s, s) => {
        writes.push(s);
        return writes.length === 1 ? Promise.reject(new Error('disk full')) : Promise.resolve();
      },
    };
    const saver = createViewStateSaver('doc-1', sha, port);
    saver.save(state);
    await saver.idle();
    saver.save({ ...state, page: 2 });
    await saver.idle();
    expect(writes).toEqual([state, { ...state, page: 2 }]);
  });
});
