import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WhatChangedPanel } from '../../../renderer/features/annotations/WhatChangedPanel.tsx';
import { setBridgeForTests } from '../../../renderer/ipc/getBridge.ts';
import type { PdfLoader } from '../../../renderer/pdf/pdfTypes.ts';
import { createFakeBridge } from '../fakeBridge.ts';
import { MEMBER, uuid } from '../fixtures.ts';
import { createFakeReaderPdf } from '../reader/fakeReaderPdf.ts';

const DOC = uuid(300);
const OLD = ['Điều 5. Thời hạn nộp báo cáo là 30 ngày', 'Điều 6. Hiệu lực thi hành'];
const OLD_BYTES = new TextEncoder().encode('%PDF-old');

describe('what changed between the version I annotated and this one', () => {
  it('reads the older version through the core and lists, per page, the words added and removed', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    bridge.override('documents:readVersion', () => ({
      ok: true,
      value: {
        sha256: 'd'.repeat(64),
        version: 1,
        base64: btoa(String.fromCharCode(...OLD_BYTES)),
        copyAllowed: true,
      },
    }));
    setBridgeForTests(bridge);
    const older = createFakeReaderPdf({ numPages: 2, linesOf: (i) => [OLD[i] ?? ''] });
    const loader: PdfLoader = (data) => older.loader(data);
    const current = [
      'Điều 5. Thời hạn nộp báo cáo là 45 ngày làm việc\n',
      'Điều 6. Hiệu lực thi hành\n',
      'Điều 7. Trách nhiệm <thi hành>\n',
    ];
    render(
      <WhatChangedPanel
        documentId={DOC}
        version={2}
        loader={loader}
        annotatedVersions={[1]}
        readCurrent={() => Promise.resolve(current)}
      />,
    );
    fireEvent.click(screen.getByTestId('what-changed-open'));
    const result = await screen.findByTestId('what-changed-result');
    expect(bridge.callsTo('documents:readVersion')).toEqual([{ documentId: DOC, version: 1 }]);
    expect(older.loads).toHaveLength(1);
    await waitFor(() => expect(older.destroyed.count).toBe(1));
    const pages = within(result).getAllByTestId('what-changed-page');
    expect(pages.map((p) => p.getAttribute('data-page'))).toEqual(['1', '3']);
    const segments = (page: HTMLElement) =>
      within(page)
        .getAllByTestId('what-changed-segment')
        .map((s) => [s.getAttribute('data-op'), s.querySelector('ins, del')?.textContent]);
    expect(segments(pages[0]!)).toEqual([
      ['removed', '30'],
      ['added', '45'],
      ['added', 'làm việc'],
    ]);
    expect(segments(pages[1]!)).toEqual([['added', 'Điều 7. Trách nhiệm <thi hành>']]);
    expect(result.textContent).toContain('Những gì đã thay đổi từ phiên bản 1 đến phiên bản 2');
  });

  it('says so when the older version cannot be had, and is not offered on a first version', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    bridge.override('documents:readVersion', () => ({
      ok: false,
      error: { code: 'NOT_CACHED', message: 'offline' },
    }));
    setBridgeForTests(bridge);
    const pdf = createFakeReaderPdf();
    const { unmount } = render(
      <WhatChangedPanel
        documentId={DOC}
        version={2}
        loader={pdf.loader}
        annotatedVersions={[1]}
        readCurrent={() => Promise.resolve([])}
      />,
    );
    fireEvent.click(screen.getByTestId('what-changed-open'));
    const error = await screen.findByTestId('what-changed-error');
    expect(error.getAttribute('role')).toBe('alert');
    unmount();
    render(
      <WhatChangedPanel
        documentId={DOC}
        version={1}
        loader={pdf.loader}
        annotatedVersions={[]}
        readCurrent={() => Promise.resolve([])}
      />,
    );
    expect(screen.queryByTestId('what-changed')).toBeNull();
  });

  it('is offered after re-anchoring too (no annotation left on an older version): against the previous one by default, any older one on request', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    bridge.override('documents:readVersion', (input) => ({
      ok: true,
      value: {
        sha256: 'e'.repeat(64),
        version: (input as { version: number }).version,
        base64: btoa(String.fromCharCode(...OLD_BYTES)),
        copyAllowed: true,
      },
    }));
    setBridgeForTests(bridge);
    const older = createFakeReaderPdf({ numPages: 2, linesOf: (i) => [OLD[i] ?? ''] });
    render(
      <WhatChangedPanel
        documentId={DOC}
        version={3}
        loader={older.loader}
        annotatedVersions={[]}
        readCurrent={() => Promise.resolve(OLD.map((line) => `${line}\n`))}
      />,
    );
    const from = screen.getByTestId<HTMLSelectElement>('what-changed-from');
    expect([...from.options].map((o) => o.value)).toEqual(['2', '1']);
    expect(from.value).toBe('2');
    fireEvent.click(screen.getByTestId('what-changed-open'));
    await screen.findByTestId('what-changed-result');
    fireEvent.change(from, { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('what-changed-open'));
    await waitFor(() =>
      expect(bridge.callsTo('documents:readVersion')).toEqual([
        { documentId: DOC, version: 2 },
        { documentId: DOC, version: 1 },
      ]),
    );
  });
});
