import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Reader, type ReaderProps } from '../../../renderer/features/reader/Reader.tsx';
import vi18n from '../../../renderer/i18n/vi.json';
import { DEFAULT_PDF_LIMITS } from '../../../renderer/pdf/pdfLimits.ts';
import { recordCanvasCalls } from './canvasRecorder.ts';
import { createFakeReaderPdf, type FakeReaderPdf } from './fakeReaderPdf.ts';
import { FIT_WIDTH_SCALE, PDF_BYTES, renderReader } from './readerSetup.tsx';

const WATERMARK = {
  memberName: 'Nguyễn Văn An',
  unit: 'Bộ Tài chính',
  date: '08:30 21/11/2026',
  deviceId: 'dev-7f3a',
};

/** The reader on its own, for the cases where it never gets as far as a page column. */
function ReaderHost({
  pdf,
  data = PDF_BYTES,
  ...props
}: { pdf: FakeReaderPdf; data?: Uint8Array } & Partial<ReaderProps>) {
  return <Reader data={data} loader={pdf.loader} label="x" {...props} />;
}

let restoreCanvas: (() => void) | null = null;
afterEach(() => {
  restoreCanvas?.();
  restoreCanvas = null;
});

describe('reader: copy protection', () => {
  const lines = () => ['Nội dung mật: không sao chép.'];

  it('refuses copy, cut and drag when allowCopy is false, the text staying selectable to highlight', async () => {
    const pdf = createFakeReaderPdf({ numPages: 2, linesOf: lines });
    await renderReader(pdf, { allowCopy: false });
    const reader = screen.getByTestId('reader');
    expect(reader.getAttribute('data-copy')).toBe('blocked');
    expect(reader.classList.contains('reader--no-copy')).toBe(true);
    await waitFor(() =>
      expect(screen.getAllByText('Nội dung mật: không sao chép.').length).toBeGreaterThan(0),
    );
    const span = screen.getAllByText('Nội dung mật: không sao chép.')[0] as HTMLElement;
    expect(fireEvent.copy(span)).toBe(false);
    expect(fireEvent.cut(span)).toBe(false);
    expect(fireEvent.dragStart(span)).toBe(false);
    expect(screen.getByTestId('reader-notice').textContent).toBe(vi18n.reader.copyBlocked);
  });

  it('lets the text be selected and copied by default', async () => {
    const pdf = createFakeReaderPdf({ numPages: 2, linesOf: lines });
    await renderReader(pdf);
    await waitFor(() => expect(pdf.textLayers).toContain(1));
    const span = screen.getAllByText('Nội dung mật: không sao chép.')[0] as HTMLElement;
    expect(span.closest('[data-testid="reader-text-layer"]')).not.toBeNull();
    expect(fireEvent.copy(span)).toBe(true);
    expect(screen.getByTestId('reader').getAttribute('data-copy')).toBe('allowed');
  });
});

describe('reader: links', () => {
  const rect = (y: number) => ({ x: 72, y, width: 200, height: 14 });
  const links = [
    { rect: rect(700), url: 'javascript:alert(document.cookie)', destination: null },
    { rect: rect(680), url: 'file:///etc/passwd', destination: null },
    { rect: rect(660), url: 'http://insecure.example', destination: null },
    { rect: rect(640), url: 'https://user:pw@example.com/', destination: null },
    { rect: rect(620), url: null, destination: null },
    { rect: rect(600), url: 'https://vanban.chinhphu.vn/?id=1', destination: null },
    { rect: rect(580), url: 'mailto:vpcp@chinhphu.vn', destination: null },
    { rect: rect(560), url: 'https://ignored.example', destination: { pageIndex: 3, top: null } },
  ];

  it('renders only internal and https/mailto links, hands the latter to the host, and no href anywhere', async () => {
    const onExternalLink = vi.fn();
    const pdf = createFakeReaderPdf({ numPages: 6, linksOf: (i) => (i === 0 ? links : []) });
    const { container } = await renderReader(pdf, { onExternalLink });
    await waitFor(() => expect(screen.getAllByTestId('reader-link')).toHaveLength(3));
    const shown = screen.getAllByTestId('reader-link');
    expect(shown.map((link) => link.getAttribute('data-kind'))).toEqual([
      'external',
      'external',
      'internal',
    ]);
    expect(shown.every((link) => link.tagName === 'BUTTON')).toBe(true);
    expect(container.querySelector('a[href], [href]')).toBeNull();
    // Placed over its rectangle: y 600–614 in PDF space is 842 − 614 = 228 pt from the top.
    expect(parseFloat(shown[0]?.style.top ?? '')).toBeCloseTo(228 * FIT_WIDTH_SCALE, 3);
    fireEvent.click(shown[0] as HTMLElement);
    fireEvent.click(shown[1] as HTMLElement);
    expect(onExternalLink.mock.calls).toEqual([
      ['https://vanban.chinhphu.vn/?id=1'],
      ['mailto:vpcp@chinhphu.vn'],
    ]);
    fireEvent.click(shown[2] as HTMLElement);
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-indicator').textContent).toBe('Trang 4/6'),
    );
    expect(onExternalLink).toHaveBeenCalledTimes(2);
  });
});

describe('reader: watermark', () => {
  it('draws member, unit, date and device into every page canvas after it is rendered', async () => {
    const recorder = recordCanvasCalls();
    restoreCanvas = recorder.restore;
    const pdf = createFakeReaderPdf({ numPages: 3 });
    const { container } = await renderReader(pdf, { watermark: WATERMARK });
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-1').getAttribute('data-rendered')).toBe('true'),
    );
    const canvas = screen.getByTestId('pdf-page-1').querySelector('canvas');
    const onPage = recorder.calls.filter((call) => call.canvas === canvas);
    const texts = new Set(onPage.filter((c) => c.method === 'fillText').map((c) => c.args[0]));
    expect(texts).toEqual(
      new Set(['Nguyễn Văn An', 'Bộ Tài chính', '08:30 21/11/2026', 'Thiết bị dev-7f3a']),
    );
    expect(onPage[0]?.method).toBe('save');
    const rotate = onPage.find((c) => c.method === 'rotate');
    expect(rotate?.args[0]).toBeLessThan(0);
    // In the bitmap only: no DOM text carries it.
    expect(container.textContent).not.toContain('Nguyễn Văn An');
    // Drawn again at a new zoom (the new bitmap has it too).
    const before = recorder.calls.length;
    fireEvent.change(screen.getByTestId('reader-zoom'), { target: { value: 'p:200' } });
    await waitFor(() =>
      expect(recorder.calls.slice(before).some((c) => c.method === 'fillText')).toBe(true),
    );
  });

  it('draws nothing without a watermark', async () => {
    const recorder = recordCanvasCalls();
    restoreCanvas = recorder.restore;
    const pdf = createFakeReaderPdf({ numPages: 2 });
    await renderReader(pdf);
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-1').getAttribute('data-rendered')).toBe('true'),
    );
    expect(recorder.calls).toEqual([]);
  });
});

describe('reader: broken and hostile files', () => {
  it.each([
    [{ name: 'InvalidPDFException', message: 'Invalid PDF structure.' }, 'corrupt'],
    [{ name: 'PasswordException', message: 'No password given' }, 'encrypted'],
    [new Error('boom'), 'failed'],
  ])('shows an error, not a crash, when the file cannot be opened (%#)', async (failure, kind) => {
    const pdf = createFakeReaderPdf({ failWith: failure });
    const onError = vi.fn();
    render(<ReaderHost pdf={pdf} onError={onError} />);
    const error = await screen.findByTestId('pdf-error');
    expect(error.getAttribute('data-kind')).toBe(kind);
    expect(error.getAttribute('role')).toBe('alert');
    expect(onError).toHaveBeenCalledWith(kind);
    expect(pdf.destroyed.count).toBeGreaterThan(0);
  });

  it('gives up on a file that takes too long to open, and retries with fresh bytes', async () => {
    const pdf = createFakeReaderPdf({ hang: true });
    render(<ReaderHost pdf={pdf} limits={{ ...DEFAULT_PDF_LIMITS, loadTimeoutMs: 30 }} />);
    const error = await screen.findByTestId('pdf-error');
    expect(error.getAttribute('data-kind')).toBe('timeout');
    expect(pdf.destroyed.count).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: vi18n.pdf.retry }));
    await waitFor(() => expect(pdf.loads).toHaveLength(2));
    expect(pdf.loads[1]).not.toBe(pdf.loads[0]);
  });

  it('cancels a page that takes too long to draw; the others are drawn; retry draws it again', async () => {
    const pdf = createFakeReaderPdf({ numPages: 3, hangingPages: [1] });
    await renderReader(pdf, { limits: { ...DEFAULT_PDF_LIMITS, renderTimeoutMs: 30 } });
    const pageError = await screen.findByTestId('pdf-page-error');
    expect(pageError.getAttribute('data-kind')).toBe('timeout');
    expect(pdf.cancelled).toContain(1);
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-2').getAttribute('data-rendered')).toBe('true'),
    );
    // The cancelled page gave its canvas back.
    expect(screen.getByTestId('pdf-page-1').querySelector('canvas')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: vi18n.pdf.retryPage }));
    await waitFor(() => expect(pdf.cancelled.filter((p) => p === 1)).toHaveLength(2));
  });

  it('refuses a document with no pages, or more than the limit', async () => {
    render(<ReaderHost pdf={createFakeReaderPdf({ numPages: 0 })} />);
    expect((await screen.findByTestId('pdf-error')).getAttribute('data-kind')).toBe('failed');
  });

  it('never modifies the bytes it was given and destroys the document on unmount', async () => {
    const data = PDF_BYTES.slice();
    const pdf = createFakeReaderPdf();
    const view = render(<ReaderHost pdf={pdf} data={data} />);
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-1').getAttribute('data-rendered')).toBe('true'),
    );
    expect(pdf.loads[0]).not.toBe(data);
    expect(Array.from(data)).toEqual(Array.from(PDF_BYTES));
    const before = pdf.destroyed.count;
    act(() => view.unmount());
    expect(pdf.destroyed.count).toBe(before + 1);
  });
});
