import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PaperScreen } from '../../renderer/features/papers/PaperScreen.tsx';
import vi from '../../renderer/i18n/vi.json';
import { setBridgeForTests } from '../../renderer/ipc/getBridge.ts';
import { createFakeBridge } from './fakeBridge.ts';
import { createFakeReaderPdf } from './reader/fakeReaderPdf.ts';
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
    expect(screen.queryByTestId('reader')).toBeNull();
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
      value: { sha256: 'a'.repeat(64), version: 1, base64: '@@not base64@@', copyAllowed: true },
    }));
    render(
      <PaperScreen
        documentId={documentId}
        meetingId={null}
        loader={createFakeReaderPdf().loader}
      />,
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
    const pdf = createFakeReaderPdf({ numPages: 5 });
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
        loader={createFakeReaderPdf({ numPages: 3 }).loader}
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
      const pdf = createFakeReaderPdf({ failWith: failure });
      render(<PaperScreen documentId={documentId} meetingId={null} loader={pdf.loader} />);
      const error = await screen.findByTestId('pdf-error');
      expect(error.getAttribute('data-kind')).toBe(kind);
      expect(error.textContent).toContain(message);
      expect(error.getAttribute('role')).toBe('alert');
      expect(screen.queryByTestId('pdf-page-1')).toBeNull();
      expect(pdf.destroyed.count).toBeGreaterThan(0);
    },
  );

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
        loader={createFakeReaderPdf().loader}
      />,
    );
    await waitFor(() => expect(screen.getByTestId('paper-title').textContent).toBe(markup));
    expect(view.container.querySelector('img, b')).toBeNull();
  });

  it('uses the generic title when the paper is opened on its own', async () => {
    const { documentId } = setup();
    render(
      <PaperScreen
        documentId={documentId}
        meetingId={null}
        loader={createFakeReaderPdf().loader}
      />,
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
