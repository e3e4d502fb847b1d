import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PAGE_GAP } from '../../../renderer/features/reader/pageLayout.ts';
import type { ReaderViewState } from '../../../renderer/features/reader/readerViewState.ts';
import { CSS_PX_PER_PT } from '../../../renderer/features/reader/zoom.ts';
import { createFakeReaderPdf } from './fakeReaderPdf.ts';
import { FIT_WIDTH_SCALE, indicator, renderReader, scrollTo, VIEW_HEIGHT } from './readerSetup.tsx';

const STRIDE = 842 * FIT_WIDTH_SCALE + PAGE_GAP;
const topOf = (pageNumber: number) => PAGE_GAP + (pageNumber - 1) * STRIDE;

describe('reader: thumbnails', () => {
  it('lists thumbnails windowed and low-res, and goes to a page on click', async () => {
    const pdf = createFakeReaderPdf({ numPages: 1000 });
    const { viewport } = await renderReader(pdf);
    fireEvent.click(screen.getByTestId('reader-toggle-thumbnails'));
    const list = await screen.findByTestId('reader-thumbnails');
    const shown = () => screen.getAllByTestId('reader-thumbnail');
    expect(shown().length).toBeLessThanOrEqual(12);
    await waitFor(() => expect(shown()[0]?.getAttribute('data-rendered')).toBe('true'));
    // Drawn small: at most the thumbnail box at 2× (never the page's full resolution).
    const thumbnailRenders = pdf.renders.filter((r) => r.width <= 112 * 2);
    expect(thumbnailRenders.length).toBeGreaterThan(0);
    // Scrolling the list far down brings other rows, still only a few.
    act(() => {
      list.scrollTop = 500 * 190;
      fireEvent.scroll(list);
    });
    const numbers = shown().map((row) => Number(row.getAttribute('data-page-number')));
    expect(numbers.length).toBeLessThanOrEqual(12);
    expect(Math.min(...numbers)).toBeGreaterThan(400);
    const target = shown()[3];
    const page = Number(target?.getAttribute('data-page-number'));
    fireEvent.click(target as HTMLElement);
    expect(indicator()).toBe(`Trang ${page}/1000`);
    expect(viewport.scrollTop).toBeCloseTo(topOf(page), 3);
    expect(screen.getByTestId(`pdf-page-${page}`)).toBeTruthy();
    await waitFor(() =>
      expect(
        screen
          .getAllByTestId('reader-thumbnail')
          .find((row) => row.getAttribute('aria-current') === 'page')
          ?.getAttribute('data-page-number'),
      ).toBe(String(page)),
    );
  });
});

describe('reader: outline', () => {
  const outline = [
    {
      title: 'Chương I. Quy định chung',
      destination: { pageIndex: 2, top: null },
      url: null,
      collapsed: false,
      children: [
        {
          title: 'Điều 1. Phạm vi điều chỉnh',
          destination: { pageIndex: 3, top: 500 },
          url: null,
          collapsed: false,
          children: [],
        },
      ],
    },
    {
      title: 'Chương II <b>đậm</b>',
      destination: { pageIndex: 7, top: null },
      url: null,
      collapsed: true,
      children: [
        {
          title: 'Điều 9',
          destination: { pageIndex: 8, top: null },
          url: null,
          collapsed: false,
          children: [],
        },
      ],
    },
    {
      title: 'Cổng thông tin',
      destination: null,
      url: 'https://chinhphu.vn',
      collapsed: false,
      children: [],
    },
    {
      title: 'Script',
      destination: null,
      url: 'javascript:alert(1)',
      collapsed: false,
      children: [],
    },
  ];

  it('shows the outline as a tree and goes to an entry’s page (and place)', async () => {
    const onExternalLink = vi.fn();
    const pdf = createFakeReaderPdf({ numPages: 20, outline });
    const { viewport } = await renderReader(pdf, { onExternalLink });
    fireEvent.click(screen.getByTestId('reader-toggle-outline'));
    const tree = await screen.findByTestId('reader-outline');
    const items = within(tree).getAllByTestId('reader-outline-item');
    // Chương II starts closed: its child is not listed.
    expect(items.map((item) => item.textContent)).toEqual([
      'Chương I. Quy định chung3',
      'Điều 1. Phạm vi điều chỉnh4',
      'Chương II <b>đậm</b>8',
      'Cổng thông tin',
      'Script',
    ]);
    expect(tree.querySelector('b')).toBeNull();
    fireEvent.click(items[0] as HTMLElement);
    expect(indicator()).toBe('Trang 3/20');
    expect(viewport.scrollTop).toBeCloseTo(topOf(3), 3);
    fireEvent.click(items[1] as HTMLElement);
    // "top: 500" in PDF space is 842 − 500 = 342 pt below the top of page 4.
    await waitFor(() =>
      expect(viewport.scrollTop).toBeCloseTo(topOf(4) + 342 * FIT_WIDTH_SCALE, 3),
    );
    fireEvent.click(within(tree).getByRole('button', { name: /Mở rộng: Chương II/ }));
    expect(within(tree).getAllByTestId('reader-outline-item')).toHaveLength(6);
    fireEvent.click(items[3] as HTMLElement);
    expect(onExternalLink).toHaveBeenCalledWith('https://chinhphu.vn/');
    expect((items[4] as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(items[4] as HTMLElement);
    expect(onExternalLink).toHaveBeenCalledTimes(1);
  });

  it('says when a paper has no outline', async () => {
    await renderReader(createFakeReaderPdf({ numPages: 2 }));
    fireEvent.click(screen.getByTestId('reader-toggle-outline'));
    expect(await screen.findByTestId('reader-outline-empty')).toBeTruthy();
  });
});

describe('reader: go to page and keyboard', () => {
  it('goes to a typed page, and ignores what is not a page', async () => {
    const pdf = createFakeReaderPdf({ numPages: 1000 });
    const { viewport } = await renderReader(pdf);
    const input = screen.getByTestId<HTMLInputElement>('reader-page-input');
    expect(input.value).toBe('1');
    expect(screen.getByTestId('reader-page-count').textContent).toBe('/ 1000');
    fireEvent.change(input, { target: { value: '250' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(viewport.scrollTop).toBeCloseTo(topOf(250), 3);
    expect(input.value).toBe('250');
    expect(indicator()).toBe('Trang 250/1000');
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-250').getAttribute('data-rendered')).toBe('true'),
    );
    for (const bad of ['0', '1001', 'abc', '-3', '2.5']) {
      fireEvent.change(input, { target: { value: bad } });
      fireEvent.keyDown(input, { key: 'Enter' });
      expect(input.value).toBe('250');
      expect(viewport.scrollTop).toBeCloseTo(topOf(250), 3);
    }
    fireEvent.click(screen.getByTestId('reader-next-page'));
    expect(indicator()).toBe('Trang 251/1000');
    fireEvent.click(screen.getByTestId('reader-previous-page'));
    fireEvent.click(screen.getByTestId('reader-previous-page'));
    expect(indicator()).toBe('Trang 249/1000');
  });

  it('reads with Page Up/Down, arrows, Home and End', async () => {
    const pdf = createFakeReaderPdf({ numPages: 100 });
    const { viewport } = await renderReader(pdf);
    viewport.focus();
    fireEvent.keyDown(viewport, { key: 'End' });
    expect(indicator()).toBe('Trang 100/100');
    expect(viewport.scrollTop).toBeCloseTo(topOf(100), 3);
    fireEvent.keyDown(viewport, { key: 'Home' });
    expect(viewport.scrollTop).toBe(PAGE_GAP);
    fireEvent.keyDown(viewport, { key: 'PageDown' });
    expect(viewport.scrollTop).toBeCloseTo(PAGE_GAP + VIEW_HEIGHT * 0.9, 3);
    fireEvent.keyDown(viewport, { key: 'ArrowDown' });
    expect(viewport.scrollTop).toBeCloseTo(PAGE_GAP + VIEW_HEIGHT * 0.9 + 40, 3);
    fireEvent.keyDown(viewport, { key: 'PageUp' });
    fireEvent.keyDown(viewport, { key: 'ArrowUp' });
    expect(viewport.scrollTop).toBeCloseTo(PAGE_GAP, 3);
    fireEvent.keyDown(viewport, { key: 'ArrowRight' });
    fireEvent.keyDown(viewport, { key: 'ArrowRight' });
    expect(indicator()).toBe('Trang 3/100');
    fireEvent.keyDown(viewport, { key: 'ArrowLeft' });
    expect(indicator()).toBe('Trang 2/100');
    // Keys typed into the page field edit it; they do not scroll.
    const input = screen.getByTestId('reader-page-input');
    const before = viewport.scrollTop;
    fireEvent.keyDown(input, { key: 'End' });
    fireEvent.keyDown(input, { key: 'PageDown' });
    expect(viewport.scrollTop).toBe(before);
  });

  it('opens find with ctrl+F (from anywhere) and focuses the field', async () => {
    await renderReader(createFakeReaderPdf({ numPages: 3 }));
    expect(screen.queryByTestId('reader-find')).toBeNull();
    const event = fireEvent.keyDown(document.body, { key: 'f', ctrlKey: true });
    expect(event).toBe(false); // default prevented: not the browser's own find
    const field = await screen.findByTestId('reader-find-input');
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByTestId('reader-find')).toBeNull();
  });
});

describe('reader: where the member left it', () => {
  it('reopens at the page, offset and zoom it was given', async () => {
    const initialViewState: ReaderViewState = {
      page: 40,
      offsetPt: 100,
      zoom: { kind: 'percent', value: 150 },
    };
    const pdf = createFakeReaderPdf({ numPages: 200 });
    const { viewport } = await renderReader(pdf, { initialViewState });
    const scale = 1.5 * CSS_PX_PER_PT;
    const top40 = PAGE_GAP + 39 * (842 * scale + PAGE_GAP);
    expect(viewport.scrollTop).toBeCloseTo(top40 + 100 * scale, 3);
    expect(screen.getByTestId('reader-zoom')).toHaveProperty('value', 'p:150');
    expect(indicator()).toBe('Trang 40/200');
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-40').getAttribute('data-rendered')).toBe('true'),
    );
    // Page 1 was fetched for its size; the pages around 40 for drawing; nothing in between.
    expect(pdf.fetched.filter((n) => n > 1 && n < 38)).toEqual([]);
  });

  it('reports where the member is, debounced, and once more when leaving', async () => {
    const states: ReaderViewState[] = [];
    const pdf = createFakeReaderPdf({ numPages: 50 });
    const { viewport, unmount } = await renderReader(pdf, {
      onViewStateChange: (s) => states.push(s),
    });
    act(() => scrollTo(viewport, topOf(12) + 200 * FIT_WIDTH_SCALE));
    act(() => scrollTo(viewport, topOf(12) + 210 * FIT_WIDTH_SCALE));
    await waitFor(() => expect(states.length).toBeGreaterThan(0), { timeout: 2000 });
    expect(states.at(-1)).toEqual({ page: 12, offsetPt: 210, zoom: { kind: 'fitWidth' } });
    const count = states.length;
    fireEvent.change(screen.getByTestId('reader-zoom'), { target: { value: 'p:200' } });
    act(() => scrollTo(viewport, viewport.scrollTop + 2 * CSS_PX_PER_PT * 50));
    unmount();
    expect(states.length).toBe(count + 1);
    expect(states.at(-1)).toEqual({
      page: 12,
      offsetPt: 260,
      zoom: { kind: 'percent', value: 200 },
    });
  });
});
