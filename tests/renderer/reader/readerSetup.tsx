import { fireEvent, render, screen, type RenderResult } from '@testing-library/react';
import { Reader, type ReaderProps } from '../../../renderer/features/reader/Reader.tsx';
import type { FakeReaderPdf } from './fakeReaderPdf.ts';

/** "%PDF-1.7" and a little more: the fake engine never parses it. */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n');

/** Without layout (jsdom) the view is 824 × 1000 CSS px: an 800 px page column. */
export const FIT_WIDTH_SCALE = 800 / 595;
export const VIEW_HEIGHT = 1000;

export async function renderReader(
  pdf: FakeReaderPdf,
  props: Partial<ReaderProps> = {},
): Promise<RenderResult & { viewport: HTMLElement }> {
  const view = render(<Reader data={PDF_BYTES} loader={pdf.loader} label="Tờ trình" {...props} />);
  const viewport = await screen.findByTestId('reader-viewport');
  return { ...view, viewport };
}

/** Scrolls the page column as a user would (jsdom does not fire scroll by itself). */
export function scrollTo(viewport: HTMLElement, top: number): void {
  viewport.scrollTop = top;
  fireEvent.scroll(viewport);
}

export function pageNumbersShown(): number[] {
  return screen
    .queryAllByTestId(/^pdf-page-\d+$/)
    .map((element) => Number(element.getAttribute('data-page-number')));
}

export function indicator(): string {
  return screen.getByTestId('pdf-page-indicator').textContent ?? '';
}
