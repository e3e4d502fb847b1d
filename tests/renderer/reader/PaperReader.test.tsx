import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaperScreen } from '../../../renderer/features/papers/PaperScreen.tsx';
import { PAGE_GAP } from '../../../renderer/features/reader/pageLayout.ts';
import vi18n from '../../../renderer/i18n/vi.json';
import { setBridgeForTests } from '../../../renderer/ipc/getBridge.ts';
import { createFakeBridge } from '../fakeBridge.ts';
import { MEMBER, meetingDetail, uuid } from '../fixtures.ts';
import { recordCanvasCalls } from './canvasRecorder.ts';
import { createFakeReaderPdf } from './fakeReaderPdf.ts';
import { FIT_WIDTH_SCALE, indicator, PDF_BYTES, scrollTo } from './readerSetup.tsx';

const STRIDE = 842 * FIT_WIDTH_SCALE + PAGE_GAP;
const SHA = 'c'.repeat(64);

function setup(copyAllowed = true) {
  const detail = meetingDetail(1, Date.now() + 86_400_000);
  const target = detail.items[0]?.papers[0];
  if (!target) throw new Error('fixture');
  const bridge = createFakeBridge({}, { user: MEMBER, meetings: [detail] });
  bridge.override('documents:read', () => ({
    ok: true,
    value: {
      sha256: SHA,
      version: 1,
      base64: btoa(String.fromCharCode(...PDF_BYTES)),
      copyAllowed,
    },
  }));
  bridge.override('shell:openExternal', () => ({ ok: true, value: { opened: true } }));
  setBridgeForTests(bridge);
  return { bridge, detail, documentId: target.document.id };
}

afterEach(() => localStorage.clear());

describe('paper screen with the reader', () => {
  it("applies the paper's copy policy from the core: no copy anywhere on the screen, no export", async () => {
    const { bridge, documentId } = setup(false);
    const pdf = createFakeReaderPdf({ numPages: 2, linesOf: () => ['Báo cáo mật về thiệt hại.'] });
    render(<PaperScreen documentId={documentId} meetingId={null} loader={pdf.loader} />);
    await screen.findByTestId('reader-viewport');
    expect(screen.getByTestId('reader').getAttribute('data-copy')).toBe('blocked');
    expect(screen.getByTestId('paper-copy-policy').textContent).toBe(vi18n.paperView.copyForbidden);
    const line = (await screen.findAllByText('Báo cáo mật về thiệt hại.'))[0] as HTMLElement;
    expect(fireEvent.copy(line)).toBe(false);
    expect(screen.getByTestId('reader-notice').textContent).toBe(vi18n.reader.copyBlocked);
    // Outside the page column too (the annotation list shows quotes of the text).
    expect(fireEvent.copy(screen.getByTestId('annotation-export'))).toBe(false);
    for (const format of ['pdf', 'w3c']) {
      const button = screen.getByTestId<HTMLButtonElement>(`annotation-export-${format}`);
      expect(button.disabled).toBe(true);
      fireEvent.click(button);
    }
    expect(screen.getByTestId('annotation-export-forbidden').textContent).toBe(
      vi18n.errors.COPY_NOT_ALLOWED,
    );
    expect(bridge.callsTo('annotations:export')).toEqual([]);
  });

  it('lets a copyable paper be copied and exported', async () => {
    const { documentId } = setup(true);
    const pdf = createFakeReaderPdf({ numPages: 2, linesOf: () => ['Báo cáo công khai.'] });
    render(<PaperScreen documentId={documentId} meetingId={null} loader={pdf.loader} />);
    await screen.findByTestId('reader-viewport');
    expect(screen.getByTestId('reader').getAttribute('data-copy')).toBe('allowed');
    const line = (await screen.findAllByText('Báo cáo công khai.'))[0] as HTMLElement;
    expect(fireEvent.copy(line)).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>('annotation-export-pdf').disabled).toBe(false);
    expect(screen.queryByTestId('annotation-export-forbidden')).toBeNull();
    expect(screen.queryByTestId('paper-copy-policy')).toBeNull();
  });

  it('reopens a paper where the member left it, kept by the core per member (not localStorage)', async () => {
    const { bridge, detail, documentId } = setup();
    const kept = () => bridge.core.readingPositions[`${MEMBER.id}:${documentId}`] ?? null;
    const pdf = createFakeReaderPdf({ numPages: 30 });
    const first = render(
      <PaperScreen documentId={documentId} meetingId={detail.meeting.id} loader={pdf.loader} />,
    );
    const viewport = await screen.findByTestId('reader-viewport');
    act(() => scrollTo(viewport, PAGE_GAP + STRIDE * 11 + 100));
    await waitFor(() => expect(kept()).not.toBeNull(), { timeout: 2000 });
    expect(kept()).toEqual({
      sha256: SHA,
      position: {
        page: 12,
        offsetPt: Math.round((100 / FIT_WIDTH_SCALE) * 100) / 100,
        zoom: { kind: 'fitWidth' },
      },
    });
    first.unmount();
    // A browser-mode profile reset loses localStorage, not the core's store.
    localStorage.clear();

    render(
      <PaperScreen documentId={documentId} meetingId={detail.meeting.id} loader={pdf.loader} />,
    );
    const again = await screen.findByTestId('reader-viewport');
    expect(indicator()).toBe('Trang 12/30');
    expect(again.scrollTop).toBeCloseTo(PAGE_GAP + STRIDE * 11 + 100, 1);
  });

  it('asks the shell (which confirms) to open an https link, and nothing else', async () => {
    const { bridge, documentId } = setup();
    const rect = { x: 72, y: 700, width: 100, height: 12 };
    const pdf = createFakeReaderPdf({
      numPages: 2,
      linksOf: (i) =>
        i === 0
          ? [
              { rect, url: 'https://chinhphu.vn/', destination: null },
              { rect, url: 'javascript:alert(1)', destination: null },
            ]
          : [],
    });
    render(<PaperScreen documentId={documentId} meetingId={null} loader={pdf.loader} />);
    const links = await screen.findAllByTestId('reader-link');
    expect(links).toHaveLength(1);
    fireEvent.click(links[0] as HTMLElement);
    await waitFor(() =>
      expect(bridge.callsTo('shell:openExternal')).toEqual([{ url: 'https://chinhphu.vn/' }]),
    );
  });

  it('in browser mode (the host cannot ask: NOT_AVAILABLE) asks the member itself, then opens the link in a new tab', async () => {
    const { bridge, documentId } = setup();
    bridge.override('shell:openExternal', () => ({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: 'browser mode' },
    }));
    const asked = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    try {
      const rect = { x: 72, y: 700, width: 100, height: 12 };
      const pdf = createFakeReaderPdf({
        numPages: 1,
        linksOf: () => [{ rect, url: 'https://chinhphu.vn/van-ban', destination: null }],
      });
      render(<PaperScreen documentId={documentId} meetingId={null} loader={pdf.loader} />);
      const link = (await screen.findAllByTestId('reader-link'))[0] as HTMLElement;
      fireEvent.click(link); // the member says no: nothing opens
      await waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
      expect(asked.mock.calls[0]?.[0]).toContain('https://chinhphu.vn/van-ban');
      expect(opened).not.toHaveBeenCalled();
      fireEvent.click(link); // yes: a new tab, cut off from the app's page
      await waitFor(() =>
        expect(opened).toHaveBeenCalledWith(
          'https://chinhphu.vn/van-ban',
          '_blank',
          'noopener,noreferrer',
        ),
      );
      expect(bridge.callsTo('shell:openExternal')).toHaveLength(2);
    } finally {
      asked.mockRestore();
      opened.mockRestore();
    }
  });

  it('watermarks the pages with the member, unit and device from the session', async () => {
    const recorder = recordCanvasCalls();
    try {
      const { documentId } = setup();
      const pdf = createFakeReaderPdf({ numPages: 2 });
      render(<PaperScreen documentId={documentId} meetingId={null} loader={pdf.loader} />);
      await waitFor(() => {
        const texts = recorder.calls.filter((c) => c.method === 'fillText').map((c) => c.args[0]);
        expect(texts).toContain(MEMBER.displayName);
        expect(texts).toContain(MEMBER.unit);
        expect(texts).toContain(`Thiết bị ${uuid(999)}`);
      });
    } finally {
      recorder.restore();
    }
  });

  it('shows no page unwatermarked: when the session cannot say who reads, it says so instead', async () => {
    const { bridge, documentId } = setup();
    bridge.override('session:get', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: 'store closed' },
    }));
    const pdf = createFakeReaderPdf({ numPages: 2 });
    render(<PaperScreen documentId={documentId} meetingId={null} loader={pdf.loader} />);
    const error = await screen.findByTestId('paper-error');
    expect(error.getAttribute('data-code')).toBe('INTERNAL');
    expect(screen.getByTestId('paper-view').getAttribute('data-state')).toBe('error');
    expect(screen.queryByTestId('reader')).toBeNull();
    expect(pdf.renders).toEqual([]);
  });
});
