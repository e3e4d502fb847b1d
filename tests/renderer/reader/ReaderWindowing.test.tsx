import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_GAP } from '../../../renderer/features/reader/pageLayout.ts';
import { CSS_PX_PER_PT } from '../../../renderer/features/reader/zoom.ts';
import { DEFAULT_PDF_LIMITS } from '../../../renderer/pdf/pdfLimits.ts';
import { A4, createFakeReaderPdf } from './fakeReaderPdf.ts';
import {
  FIT_WIDTH_SCALE,
  pageNumbersShown,
  renderReader,
  scrollTo,
  VIEW_HEIGHT,
} from './readerSetup.tsx';

const STRIDE = 842 * FIT_WIDTH_SCALE + PAGE_GAP;

function setPixelRatio(ratio: number): void {
  Object.defineProperty(window, 'devicePixelRatio', { value: ratio, configurable: true });
}

afterEach(() => setPixelRatio(1));

describe('reader: windowing', () => {
  it('keeps at most 12 canvases alive, recycled, while scrolling through 1,000 pages', async () => {
    const pdf = createFakeReaderPdf({ numPages: 1000 });
    const { viewport, container } = await renderReader(pdf);
    const column = container.querySelector<HTMLElement>('.reader__column');
    // The column is as tall as every page, although only a few exist.
    expect(parseFloat(column?.style.height ?? '0')).toBeCloseTo(PAGE_GAP + 1000 * STRIDE, 3);
    const seen = new Set<HTMLCanvasElement>();
    for (let top = 0; top < 1000 * STRIDE; top += STRIDE * 19.3) {
      act(() => scrollTo(viewport, top));
      await waitFor(() => {
        const first = Math.floor(top / STRIDE) + 1;
        expect(screen.getByTestId(`pdf-page-${first}`).getAttribute('data-rendered')).toBe('true');
      });
      const canvases = container.querySelectorAll('canvas');
      expect(canvases.length).toBeLessThanOrEqual(12);
      expect(pageNumbersShown().length).toBeLessThanOrEqual(10);
      canvases.forEach((canvas) => seen.add(canvas));
    }
    // 52 stops: the same few canvases were used over and over.
    expect(seen.size).toBeLessThanOrEqual(12);
    expect(new Set(pdf.renders.map((r) => r.canvas)).size).toBeLessThanOrEqual(12);
    // Pages were fetched near where the reader went, not all 1,000.
    expect(new Set(pdf.fetched).size).toBeLessThan(300);
  }, 30_000);

  it('draws the page being read first and its neighbours, and only those', async () => {
    const pdf = createFakeReaderPdf({ numPages: 1000 });
    const { viewport } = await renderReader(pdf);
    act(() => scrollTo(viewport, PAGE_GAP + STRIDE * 499 + 10));
    await waitFor(() => expect(pageNumbersShown()).toEqual([499, 500, 501]));
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-500').getAttribute('data-rendered')).toBe('true'),
    );
    const afterScroll = pdf.renders.slice(-3).map((r) => r.page);
    expect(afterScroll[0]).toBe(500);
    expect(screen.getByTestId('pdf-page-indicator').textContent).toBe('Trang 500/1000');
  });

  it('assumes the first page’s size until a page is drawn, then uses its own', async () => {
    const landscape = { width: 842, height: 595 };
    const pdf = createFakeReaderPdf({ numPages: 6, sizeOf: (i) => (i === 2 ? landscape : A4) });
    const { container, viewport } = await renderReader(pdf);
    const column = container.querySelector<HTMLElement>('.reader__column');
    expect(parseFloat(column?.style.height ?? '0')).toBeCloseTo(PAGE_GAP + 6 * STRIDE, 3);
    act(() => scrollTo(viewport, PAGE_GAP + STRIDE * 2));
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-3').getAttribute('data-rendered')).toBe('true'),
    );
    const page3 = screen.getByTestId('pdf-page-3');
    // Fit width uses the first page: the landscape page is wider than the column, not cropped.
    expect(parseFloat(page3.style.width)).toBeCloseTo(842 * FIT_WIDTH_SCALE, 3);
    expect(parseFloat(page3.style.height)).toBeCloseTo(595 * FIT_WIDTH_SCALE, 3);
    expect(parseFloat(column?.style.height ?? '0')).toBeCloseTo(
      PAGE_GAP + 5 * STRIDE + 595 * FIT_WIDTH_SCALE + PAGE_GAP,
      3,
    );
  });
});

describe('reader: zoom and sharpness', () => {
  it('draws at fit width by default, crisp at the device pixel ratio', async () => {
    setPixelRatio(2);
    const pdf = createFakeReaderPdf({ numPages: 3 });
    await renderReader(pdf);
    await waitFor(() => expect(pdf.renders.some((r) => r.page === 1)).toBe(true));
    const first = pdf.renders.find((r) => r.page === 1);
    expect(first?.scale).toBeCloseTo(FIT_WIDTH_SCALE * 2, 12);
    expect(first?.width).toBe(Math.floor(595 * FIT_WIDTH_SCALE * 2));
    const page = screen.getByTestId('pdf-page-1');
    expect(parseFloat(page.style.width)).toBeCloseTo(800, 6);
    expect(screen.getByTestId('reader-zoom')).toHaveProperty('value', 'fitWidth');
  });

  it('fits the whole page, and zooms to a percentage from the menu and the buttons', async () => {
    const pdf = createFakeReaderPdf({ numPages: 3 });
    await renderReader(pdf);
    const zoom = screen.getByTestId('reader-zoom');
    fireEvent.change(zoom, { target: { value: 'fitPage' } });
    const fitPage = (VIEW_HEIGHT - 2 * PAGE_GAP) / 842;
    await waitFor(() =>
      expect(parseFloat(screen.getByTestId('pdf-page-1').style.height)).toBeCloseTo(
        842 * fitPage,
        3,
      ),
    );
    fireEvent.change(zoom, { target: { value: 'p:200' } });
    await waitFor(() =>
      expect(parseFloat(screen.getByTestId('pdf-page-1').style.width)).toBeCloseTo(
        595 * 2 * CSS_PX_PER_PT,
        3,
      ),
    );
    await waitFor(() => expect(pdf.renders.at(-1)?.scale).toBeCloseTo(2 * CSS_PX_PER_PT, 9));
    fireEvent.click(screen.getByTestId('reader-zoom-in'));
    expect(zoom).toHaveProperty('value', 'p:250');
    fireEvent.click(screen.getByTestId('reader-zoom-out'));
    fireEvent.click(screen.getByTestId('reader-zoom-out'));
    expect(zoom).toHaveProperty('value', 'p:175');
  });

  it('zooms with ctrl+wheel and ctrl +/−/0, keeping the place being read', async () => {
    const pdf = createFakeReaderPdf({ numPages: 50 });
    const { viewport } = await renderReader(pdf);
    act(() => scrollTo(viewport, PAGE_GAP + STRIDE * 20));
    const wheel = new WheelEvent('wheel', {
      deltaY: -120,
      ctrlKey: true,
      cancelable: true,
      bubbles: true,
    });
    act(() => {
      viewport.dispatchEvent(wheel);
    });
    expect(wheel.defaultPrevented).toBe(true);
    const zoom = screen.getByTestId('reader-zoom');
    expect((zoom as HTMLSelectElement).value).toMatch(/^p:/);
    // Page 21 is still the one at the top of the view.
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-indicator').textContent).toBe('Trang 21/50'),
    );
    const scale = (Number((zoom as HTMLSelectElement).value.slice(2)) / 100) * CSS_PX_PER_PT;
    const top21 = parseFloat(screen.getByTestId('pdf-page-21').style.top);
    expect(viewport.scrollTop).toBeCloseTo(top21, 0);
    expect(parseFloat(screen.getByTestId('pdf-page-21').style.width)).toBeCloseTo(595 * scale, 3);
    // A plain wheel scrolls, it does not zoom.
    const plain = new WheelEvent('wheel', { deltaY: 100, cancelable: true, bubbles: true });
    viewport.dispatchEvent(plain);
    expect(plain.defaultPrevented).toBe(false);
    act(() => {
      fireEvent.keyDown(window, { key: '0', ctrlKey: true });
    });
    expect(zoom).toHaveProperty('value', 'fitWidth');
    act(() => {
      fireEvent.keyDown(window, { key: '=', ctrlKey: true });
    });
    expect(zoom).toHaveProperty('value', 'p:110');
    act(() => {
      fireEvent.keyDown(window, { key: '-', ctrlKey: true });
    });
    expect(zoom).toHaveProperty('value', 'p:100');
  });

  it('caps the canvas area of a huge page (drawn at a lower resolution instead)', async () => {
    const pdf = createFakeReaderPdf({
      numPages: 1,
      sizeOf: () => ({ width: 14_400, height: 14_400 }),
    });
    await renderReader(pdf, {
      limits: { ...DEFAULT_PDF_LIMITS, maxCanvasPixels: 4_000_000 },
      initialViewState: { page: 1, offsetPt: 0, zoom: { kind: 'percent', value: 400 } },
    });
    await waitFor(() => expect(pdf.renders).toHaveLength(1));
    const render = pdf.renders[0];
    expect((render?.width ?? 0) * (render?.height ?? 0)).toBeLessThanOrEqual(4_000_000);
    expect(screen.getByTestId('pdf-page-1').getAttribute('data-rendered')).toBe('true');
  });
});
