import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PaperScreen } from '../../renderer/features/papers/PaperScreen.tsx';
import vi from '../../renderer/i18n/vi.json';
import { setBridgeForTests } from '../../renderer/ipc/getBridge.ts';
import { DEFAULT_PDF_LIMITS } from '../../renderer/pdf/pdfLimits.ts';
import { PdfViewer } from '../../renderer/pdf/PdfViewer.tsx';
import { createFakeBridge } from './fakeBridge.ts';
import { createFakePdf } from './fakePdf.ts';
import { MEMBER, meetingDetail, uuid } from './fixtures.ts';
import { renderApp } from './renderApp.tsx';

const DAY_MS = 86_400_000;
/** "%PDF-1.7" and a few bytes, base64. */
const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n');
const PDF_BASE64 = btoa(String.fromCharCode(...PDF_BYTES));

function setup(options: { documents?: Record<string, string> } = {}) {
  const detail = meetingDetail(1, Date.now() + DAY_MS);
  const target = detail.items[0]?.papers[0];
  if (!target) throw new Error('fixture');
  const bridge = createFakeBridge(
    {},
    {
      user: MEMBER,
      meetings: [detail],
      documents: options.documents ?? { [target.document.id]: PDF_BASE64 },
    },
  );
  setBridgeForTests(bridge);
  return { bridge, detail, documentId: target.document.id, title: target.document.title };
}

describe('paper view: what the core refuses', () => {
  it.each([
    ['NOT_CACHED', vi.errors.NOT_CACHED],
    ['INTEGRITY_FAILED', vi.errors.INTEGRITY_FAILED],
    ['NOT_FOUND', vi.errors.NOT_FOUND],
  ] as const)('shows %s plainly, without opening a viewer', async (code, message) => {
    const { bridge, detail, documentId } = setup({ documents: {} });
    bridge.override('documents:read', () => ({
      ok: false,
      error: { code, message: 'raw <b>detail</b>' },
    }));
    renderApp(bridge, `#/meetings/${detail.meeting.id}/papers/${documentId}`);
    const error = await screen.findByTestId('paper-error');
    expect(error.getAttribute('data-code')).toBe(code);
    expect(error.textContent).toContain(message);
    expect(error.textContent).not.toContain('raw');
    expect(screen.queryByTestId('pdf-viewer')).toBeNull();
    expect(screen.getByTestId('paper-view')).toBeTruthy();
  });

  it('says a paper is not downloaded while offline, and asks again on retry', async () => {
    const { bridge, detail, documentId } = setup({ documents: {} });
    renderApp(bridge, `#/meetings/${detail.meeting.id}/papers/${documentId}`);
    const error = await screen.findByTestId('paper-error');
    expect(error.textContent).toContain('chưa được tải về máy và bạn đang ngoại tuyến');
    fireEvent.click(screen.getByTestId('paper-retry'));
    await waitFor(() => expect(bridge.callsTo('documents:read')).toHaveLength(2));
  });

  it('explains an integrity failure', async () => {
    const { bridge, documentId } = setup();
    bridge.override('documents:read', () => ({
      ok: false,
      error: { code: 'INTEGRITY_FAILED', message: '' },
    }));
    renderApp(bridge, `#/papers/${documentId}`);
    const error = await screen.findByTestId('paper-error');
    expect(error.textContent).toContain(vi.paperView.integrityHint);
    expect(screen.getByTestId('back-to-meeting').getAttribute('href')).toBe('#/meetings');
  });

  it('refuses bytes that are not base64', async () => {
    const { bridge, documentId } = setup();
    bridge.override('documents:read', () => ({
      ok: true,
      value: { sha256: 'a'.repeat(64), version: 1, base64: '@@not base64@@' },
    }));
    render(
      <PaperScreen documentId={documentId} meetingId={null} loader={createFakePdf().loader} />,
    );
    expect((await screen.findByTestId('paper-error')).getAttribute('data-code')).toBe(
      'INVALID_OUTPUT',
    );
  });

  it('falls back to the meetings list for a malformed paper id', async () => {
    renderApp(createFakeBridge({}, { user: MEMBER }), '#/papers/..%2F..%2Fetc');
    expect(await screen.findByTestId('meetings-screen')).toBeTruthy();
  });
});

describe('paper view: the viewer', () => {
  it('opens the verified bytes and draws page 1 at fit-width, with a page indicator', async () => {
    const { detail, documentId, title } = setup();
    const pdf = createFakePdf({ numPages: 5 });
    render(
      <PaperScreen documentId={documentId} meetingId={detail.meeting.id} loader={pdf.loader} />,
    );
    const page1 = await screen.findByTestId('pdf-page-1');
    await waitFor(() => expect(page1.getAttribute('data-rendered')).toBe('true'));
    expect(screen.getByTestId('paper-view').getAttribute('data-state')).toBe('ready');
    expect(screen.getByTestId('pdf-page-indicator').textContent).toBe('Trang 1/5');
    expect(await screen.findByText(title)).toBeTruthy();
    expect(Array.from(pdf.loads[0] ?? [])).toEqual(Array.from(PDF_BYTES));
    // Fit-width: the column is 800 CSS px wide where there is no layout; A4 keeps its proportions.
    const first = pdf.renders.find((r) => r.page === 1);
    expect(first?.width).toBe(Math.floor(800 * (window.devicePixelRatio || 1)));
    expect(first?.height).toBe(Math.floor(842 * (first?.scale ?? 0)));
    expect(page1.querySelector('canvas')?.getAttribute('aria-label')).toBe('Trang 1');
  });

  it('shows the page indicator in English after a language change', async () => {
    const { documentId } = setup();
    const { applyLanguage } = await import('../../renderer/i18n/index.ts');
    render(
      <PaperScreen
        documentId={documentId}
        meetingId={null}
        loader={createFakePdf({ numPages: 3 }).loader}
      />,
    );
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-indicator').textContent).toBe('Trang 1/3'),
    );
    act(() => applyLanguage('en'));
    expect(screen.getByTestId('pdf-page-indicator').textContent).toBe('Page 1/3');
  });

  it.each([
    [
      { name: 'InvalidPDFException', message: 'Invalid PDF structure.' },
      'corrupt',
      vi.pdf.error.corrupt,
    ],
    [
      { name: 'PasswordException', message: 'No password given' },
      'encrypted',
      vi.pdf.error.encrypted,
    ],
    [new Error('boom'), 'failed', vi.pdf.error.failed],
    ['not even an error', 'failed', vi.pdf.error.failed],
  ])(
    'shows an error, not a crash, when the file cannot be opened (%#)',
    async (failure, kind, message) => {
      const { documentId } = setup();
      const pdf = createFakePdf({ failWith: failure });
      render(<PaperScreen documentId={documentId} meetingId={null} loader={pdf.loader} />);
      const error = await screen.findByTestId('pdf-error');
      expect(error.getAttribute('data-kind')).toBe(kind);
      expect(error.textContent).toContain(message);
      expect(error.getAttribute('role')).toBe('alert');
      expect(screen.queryByTestId('pdf-page-1')).toBeNull();
      expect(pdf.destroyed.count).toBeGreaterThan(0);
    },
  );

  it('gives up on a document that takes too long to open, destroying the load', async () => {
    const pdf = createFakePdf({ hang: true });
    const onError = (kind: string) => kinds.push(kind);
    const kinds: string[] = [];
    render(
      <PdfViewer
        data={PDF_BYTES}
        loader={pdf.loader}
        label="x"
        limits={{ ...DEFAULT_PDF_LIMITS, loadTimeoutMs: 30 }}
        onError={onError}
      />,
    );
    const error = await screen.findByTestId('pdf-error');
    expect(error.getAttribute('data-kind')).toBe('timeout');
    expect(error.textContent).toContain(vi.pdf.error.timeout);
    expect(kinds).toEqual(['timeout']);
    expect(pdf.destroyed.count).toBeGreaterThan(0);
    // Retry opens it again with a fresh copy of the bytes.
    fireEvent.click(screen.getByRole('button', { name: vi.pdf.retry }));
    await waitFor(() => expect(pdf.loads).toHaveLength(2));
    expect(pdf.loads[1]).not.toBe(pdf.loads[0]);
  });

  it('cancels a page that takes too long to draw and lets the reader retry it', async () => {
    const pdf = createFakePdf({ numPages: 2, hangingPages: [1] });
    render(
      <PdfViewer
        data={PDF_BYTES}
        loader={pdf.loader}
        label="x"
        limits={{ ...DEFAULT_PDF_LIMITS, renderTimeoutMs: 30 }}
      />,
    );
    const pageError = await screen.findByTestId('pdf-page-error');
    expect(pageError.getAttribute('data-kind')).toBe('timeout');
    expect(pageError.textContent).toBe(
      `Trang 1 hiển thị quá lâu nên đã dừng lại.${vi.pdf.retryPage}`,
    );
    expect(pdf.cancelled).toContain(1);
    expect(screen.getByTestId('pdf-page-1').getAttribute('data-rendered')).toBe('false');
    // The other pages are unaffected.
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-2').getAttribute('data-rendered')).toBe('true'),
    );
    fireEvent.click(screen.getByRole('button', { name: vi.pdf.retryPage }));
    await waitFor(() => expect(pdf.cancelled.filter((p) => p === 1)).toHaveLength(2));
  });

  it('shows a broken page as an error on that page only', async () => {
    const pdf = createFakePdf({
      numPages: 2,
      failingPages: { 2: { name: 'FormatError', message: 'bad' } },
    });
    render(<PdfViewer data={PDF_BYTES} loader={pdf.loader} label="x" />);
    const pageError = await screen.findByTestId('pdf-page-error');
    expect(pageError.getAttribute('data-kind')).toBe('corrupt');
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-1').getAttribute('data-rendered')).toBe('true'),
    );
  });

  it('never modifies the bytes it was given and destroys the document on unmount', async () => {
    const data = PDF_BYTES.slice();
    const pdf = createFakePdf();
    const view = render(<PdfViewer data={data} loader={pdf.loader} label="x" />);
    await waitFor(() =>
      expect(screen.getByTestId('pdf-page-1').getAttribute('data-rendered')).toBe('true'),
    );
    expect(pdf.loads[0]).not.toBe(data);
    expect(Array.from(data)).toEqual(Array.from(PDF_BYTES));
    const before = pdf.destroyed.count;
    view.unmount();
    expect(pdf.destroyed.count).toBe(before + 1);
  });

  it('refuses a document with no pages', async () => {
    render(<PdfViewer data={PDF_BYTES} loader={createFakePdf({ numPages: 0 }).loader} label="x" />);
    expect((await screen.findByTestId('pdf-error')).getAttribute('data-kind')).toBe('failed');
  });

  it('reports the page count to its host through a callback', async () => {
    const pages: Array<[number, number]> = [];
    render(
      <PdfViewer
        data={PDF_BYTES}
        loader={createFakePdf({ numPages: 4 }).loader}
        label="x"
        onPageChange={(page, total) => pages.push([page, total])}
      />,
    );
    await waitFor(() => expect(pages).toEqual([[1, 4]]));
  });

  it('shows a paper title with markup as text', async () => {
    const markup = '<img src=x onerror="window.__pwned=1"><b>x</b>';
    const base = meetingDetail(1, Date.now() + DAY_MS);
    const target = base.items[0]?.papers[0];
    if (!target) throw new Error('fixture');
    const detail = {
      ...base,
      items: base.items.map((e) => ({
        ...e,
        papers: e.papers.map((p) => ({ ...p, document: { ...p.document, title: markup } })),
      })),
    };
    setBridgeForTests(
      createFakeBridge(
        {},
        { user: MEMBER, meetings: [detail], documents: { [target.document.id]: PDF_BASE64 } },
      ),
    );
    const view = render(
      <PaperScreen
        documentId={target.document.id}
        meetingId={detail.meeting.id}
        loader={createFakePdf().loader}
      />,
    );
    await waitFor(() => expect(screen.getByTestId('paper-title').textContent).toBe(markup));
    expect(view.container.querySelector('img, b')).toBeNull();
  });

  it('uses the generic title when the paper is opened on its own', async () => {
    const { documentId } = setup();
    render(
      <PaperScreen documentId={documentId} meetingId={null} loader={createFakePdf().loader} />,
    );
    expect(screen.getByTestId('paper-title').textContent).toBe(vi.paperView.untitled);
    await screen.findByTestId('pdf-page-1');
  });

  it('is reachable from the meeting through its paper link', async () => {
    const { bridge, detail, documentId } = setup();
    renderApp(bridge, `#/meetings/${detail.meeting.id}`);
    const link = (await screen.findAllByTestId('paper-link'))[0];
    expect(link?.getAttribute('href')).toBe(`#/meetings/${detail.meeting.id}/papers/${documentId}`);
    expect(uuid(1)).toBe(detail.meeting.id);
  });
});
