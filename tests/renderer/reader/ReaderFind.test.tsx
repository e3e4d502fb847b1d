import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PAGE_GAP } from '../../../renderer/features/reader/pageLayout.ts';
import { CHAR_WIDTH, createFakeReaderPdf, LINE_STEP } from './fakeReaderPdf.ts';
import { FIT_WIDTH_SCALE, indicator, renderReader } from './readerSetup.tsx';

const STRIDE = 842 * FIT_WIDTH_SCALE + PAGE_GAP;

const PAGES: Record<number, string[]> = {
  0: ['CHÍNH PHỦ', 'Số: 15/2025/NĐ-CP'],
  2: ['Căn cứ Nghị định số 15/2020/NĐ-CP;', 'Theo đề nghị của Bộ trưởng Bộ Tài chính;'],
  5: ['Chính phủ ban hành Nghị định', 'quy định chi tiết một số điều.'],
  40: ['Điều 40. Hiệu lực thi hành', 'Nghị định này có hiệu lực từ ngày ký.'],
};

function openFind(): HTMLInputElement {
  fireEvent.click(screen.getByTestId('reader-toggle-find'));
  return screen.getByTestId<HTMLInputElement>('reader-find-input');
}

describe('reader: find', () => {
  it('finds "nghi dinh" in "nghị định" on every page, lists them with page and context', async () => {
    const pdf = createFakeReaderPdf({ numPages: 60, linesOf: (i) => PAGES[i] ?? [] });
    await renderReader(pdf);
    const field = openFind();
    fireEvent.change(field, { target: { value: 'nghi dinh' } });
    const status = screen.getByTestId('reader-find-status');
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('done'), { timeout: 3000 });
    expect(status.textContent).toBe('Kết quả 1/3');
    const results = within(screen.getByTestId('reader-find-results')).getAllByTestId(
      'reader-find-result',
    );
    expect(results.map((r) => r.getAttribute('data-page-number'))).toEqual(['3', '6', '41']);
    expect(results[0]?.textContent).toBe(
      'Trang 3Căn cứ Nghị định số 15/2020/NĐ-CP; Theo đề nghị của Bộ…',
    );
    expect(results[0]?.querySelector('mark')?.textContent).toBe('Nghị định');
    // The first hit is selected and shown; its highlight sits over the words on page 3.
    await waitFor(() => expect(indicator()).toBe('Trang 3/60'));
    await waitFor(() =>
      expect(
        screen.getByTestId('pdf-page-3').querySelectorAll('[data-testid="reader-hit"]'),
      ).toHaveLength(1),
    );
    const hit = screen
      .getByTestId('pdf-page-3')
      .querySelector<HTMLElement>('[data-testid="reader-hit"]');
    expect(hit?.getAttribute('data-current')).toBe('true');
    // "Căn cứ " is 7 characters: the hit starts 42 pt right of the 72 pt margin.
    expect(parseFloat(hit?.style.left ?? '')).toBeCloseTo(
      (72 + 7 * CHAR_WIDTH) * FIT_WIDTH_SCALE,
      3,
    );
    expect(parseFloat(hit?.style.width ?? '')).toBeCloseTo(
      'Nghị định'.length * CHAR_WIDTH * FIT_WIDTH_SCALE,
      3,
    );
    expect(parseFloat(hit?.style.top ?? '')).toBeCloseTo((72 - 12 * 0.8) * FIT_WIDTH_SCALE, 3);
    expect(LINE_STEP).toBe(16);
  });

  it('moves between hits with Enter, Shift+Enter and the buttons, wrapping around', async () => {
    const pdf = createFakeReaderPdf({ numPages: 60, linesOf: (i) => PAGES[i] ?? [] });
    const { viewport } = await renderReader(pdf);
    const field = openFind();
    fireEvent.change(field, { target: { value: 'nghị định' } });
    const status = screen.getByTestId('reader-find-status');
    await waitFor(() => expect(status.textContent).toBe('Kết quả 1/3'), { timeout: 3000 });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(status.textContent).toBe('Kết quả 2/3');
    await waitFor(() => expect(indicator()).toBe('Trang 6/60'));
    fireEvent.click(screen.getByTestId('reader-find-next'));
    await waitFor(() => expect(indicator()).toBe('Trang 41/60'));
    expect(viewport.scrollTop).toBeGreaterThan(STRIDE * 39);
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(status.textContent).toBe('Kết quả 1/3');
    fireEvent.keyDown(field, { key: 'Enter', shiftKey: true });
    expect(status.textContent).toBe('Kết quả 3/3');
    fireEvent.click(screen.getAllByTestId('reader-find-result')[1] as HTMLElement);
    expect(status.textContent).toBe('Kết quả 2/3');
    await waitFor(() => expect(indicator()).toBe('Trang 6/60'));
  });

  it('matches diacritics exactly when the option is off, and says when nothing is found', async () => {
    const pdf = createFakeReaderPdf({ numPages: 60, linesOf: (i) => PAGES[i] ?? [] });
    await renderReader(pdf);
    const field = openFind();
    fireEvent.click(screen.getByTestId('reader-find-diacritics'));
    fireEvent.change(field, { target: { value: 'nghi dinh' } });
    const status = screen.getByTestId('reader-find-status');
    await waitFor(() => expect(status.textContent).toBe('Không tìm thấy kết quả nào.'), {
      timeout: 3000,
    });
    expect(screen.queryAllByTestId('reader-hit')).toHaveLength(0);
    fireEvent.change(field, { target: { value: 'NĐ-CP' } });
    await waitFor(() => expect(status.textContent).toBe('Kết quả 1/2'), { timeout: 3000 });
    // "nd-cp" finds "NĐ-CP" once diacritics (and đ) are ignored again.
    fireEvent.click(screen.getByTestId('reader-find-diacritics'));
    fireEvent.change(field, { target: { value: 'nd-cp' } });
    await waitFor(() => expect(status.textContent).toBe('Kết quả 1/2'), { timeout: 3000 });
  });

  it('starts from the page being read, and clears highlights when closed', async () => {
    const pdf = createFakeReaderPdf({ numPages: 60, linesOf: (i) => PAGES[i] ?? [] });
    const { viewport } = await renderReader(pdf);
    act(() => {
      viewport.scrollTop = PAGE_GAP + STRIDE * 10;
      fireEvent.scroll(viewport);
    });
    const field = openFind();
    fireEvent.change(field, { target: { value: 'nghi dinh' } });
    await waitFor(
      () => expect(screen.getByTestId('reader-find-status').textContent).toBe('Kết quả 3/3'),
      {
        timeout: 3000,
      },
    );
    await waitFor(() => expect(indicator()).toBe('Trang 41/60'));
    await waitFor(() => expect(screen.queryAllByTestId('reader-hit').length).toBeGreaterThan(0));
    fireEvent.click(screen.getByTestId('reader-find-close'));
    await waitFor(() => expect(screen.queryAllByTestId('reader-hit')).toHaveLength(0));
    expect(screen.queryByTestId('reader-find-results')).toBeNull();
  });
});
