import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnnotationExport as Exported } from '../../../shared/domain/annotationViews.ts';
import { AnnotationExport } from '../../../renderer/features/annotations/AnnotationExport.tsx';
import { setBridgeForTests } from '../../../renderer/ipc/getBridge.ts';
import { deferred } from '../deferred.ts';
import { createFakeBridge, type FakeBridge } from '../fakeBridge.ts';
import { MEMBER, sha, uuid } from '../fixtures.ts';

// "Export" in the annotation sidebar: PDF or W3C JSON, progress while the core works, a typed
// error, and the file handed to the browser (browser mode) or written by the desktop app.

const DOCUMENT_ID = uuid(900);
const ok = (value: unknown) => ({ ok: true, value });
const JSON_BYTES = Buffer.from('[{"id":"urn:uuid:1"}]', 'utf8');
const W3C: Exported = {
  format: 'w3c',
  mediaType: 'application/ld+json',
  version: 2,
  sha256: sha(900),
  base64: JSON_BYTES.toString('base64'),
  skipped: 1,
  fileName: 'annotations-v2-abcdef01.jsonld',
  path: null,
};

function bridgeFor(host: 'web' | 'electron'): FakeBridge {
  const bridge = createFakeBridge({}, { user: MEMBER });
  bridge.override('app:info', () => ok({ version: '1', host, platform: 'test' }));
  setBridgeForTests(bridge);
  return bridge;
}

afterEach(() => {
  vi.restoreAllMocks();
  setBridgeForTests(null);
});

describe('annotation export', () => {
  it('shows progress, then downloads the W3C JSON in browser mode', async () => {
    const bridge = bridgeFor('web');
    const answer = deferred<unknown>();
    bridge.override('annotations:export', () => answer.promise);
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:annotations';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<AnnotationExport allowed documentId={DOCUMENT_ID} />);
    fireEvent.click(screen.getByTestId('annotation-export-w3c'));
    const progress = await screen.findByTestId('annotation-export-progress');
    expect(progress.getAttribute('data-format')).toBe('w3c');
    expect(progress.textContent).toBe('Đang xuất…');
    await waitFor(() => expect(bridge.callsTo('annotations:export')).toHaveLength(1));
    expect(bridge.callsTo('annotations:export')[0]).toEqual({
      documentId: DOCUMENT_ID,
      format: 'w3c',
      target: 'download',
    });
    // A second click while one runs starts nothing.
    fireEvent.click(screen.getByTestId('annotation-export-pdf'));
    answer.resolve(ok(W3C));
    const done = await screen.findByTestId('annotation-export-done');
    expect(screen.queryByTestId('annotation-export-progress')).toBeNull();
    expect(bridge.callsTo('annotations:export')).toHaveLength(1);
    expect(done.getAttribute('data-file-name')).toBe(W3C.fileName);
    expect(done.textContent).toContain(`Đã xuất: ${W3C.fileName}.`);
    expect(done.textContent).toContain('1 ghi chú trên phiên bản khác không được xuất.');
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(created).toHaveLength(1);
    expect(created[0]!.type).toBe('application/ld+json');
    expect(Buffer.from(await created[0]!.arrayBuffer()).equals(JSON_BYTES)).toBe(true);
    expect(screen.getByTestId('annotation-export-download').getAttribute('download')).toBe(
      W3C.fileName,
    );
  });

  it('the desktop app writes the PDF and says where, without a download', async () => {
    const bridge = bridgeFor('electron');
    const path = '/data/exports/annotations-v2-abcdef01.pdf';
    bridge.override('annotations:export', () =>
      ok({
        ...W3C,
        format: 'pdf',
        mediaType: 'application/pdf',
        skipped: 0,
        fileName: 'annotations-v2-abcdef01.pdf',
        path,
      }),
    );
    URL.createObjectURL = vi.fn(() => 'blob:never');
    render(<AnnotationExport allowed documentId={DOCUMENT_ID} />);
    fireEvent.click(screen.getByTestId('annotation-export-pdf'));
    const done = await screen.findByTestId('annotation-export-done');
    expect(bridge.callsTo('annotations:export')[0]).toEqual({
      documentId: DOCUMENT_ID,
      format: 'pdf',
      target: 'file',
    });
    expect(done.getAttribute('data-path')).toBe(path);
    expect(done.textContent).toContain(`Đã xuất vào ${path}.`);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
    expect(screen.queryByTestId('annotation-export-download')).toBeNull();
  });

  it('a refusal is shown with its code and the buttons work again', async () => {
    const bridge = bridgeFor('web');
    bridge.override('annotations:export', () => ({
      ok: false,
      error: { code: 'NOT_CACHED', message: 'not downloaded' },
    }));
    render(<AnnotationExport allowed documentId={DOCUMENT_ID} />);
    fireEvent.click(screen.getByTestId('annotation-export-pdf'));
    const error = await screen.findByTestId('annotation-export-error');
    expect(error.getAttribute('data-code')).toBe('NOT_CACHED');
    expect(screen.queryByTestId('annotation-export-done')).toBeNull();
    fireEvent.click(screen.getByTestId('annotation-export-w3c'));
    await waitFor(() => expect(bridge.callsTo('annotations:export')).toHaveLength(2));
  });
});
