import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type { AnnotationView } from '../../../shared/domain/annotationViews.ts';
import { PaperScreen } from '../../../renderer/features/papers/PaperScreen.tsx';
import { setBridgeForTests } from '../../../renderer/ipc/getBridge.ts';
import { createFakeBridge } from '../fakeBridge.ts';
import { MEMBER, meetingDetail, uuid } from '../fixtures.ts';
import { createFakeReaderPdf } from '../reader/fakeReaderPdf.ts';
import { FIT_WIDTH_SCALE, PDF_BYTES } from '../reader/readerSetup.tsx';

const SHA = 'c'.repeat(64);
const BOB = uuid(901);
const LINE = 'Điều 1. Phạm vi điều chỉnh của Nghị định này';

function view(documentId: string, over: Partial<AnnotationRecord>, mine: boolean): AnnotationView {
  return {
    annotation: {
      id: uuid(700 + Math.floor(Math.random() * 99)),
      meetingId: uuid(1),
      documentId,
      version: 1,
      sha256: SHA,
      pageIndex: 0,
      authorId: mine ? MEMBER.id : BOB,
      visibility: 'participants',
      color: '#ffd400',
      body: '',
      shape: {
        kind: 'highlight',
        rects: [{ x: 72, y: 700, width: 100, height: 12 }],
        quote: { exact: 'Phạm vi', prefix: '', suffix: '' },
      },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      deletedAt: null,
      ...over,
    },
    authorName: mine ? MEMBER.displayName : 'Bộ trưởng Bob',
    mine,
    pending: false,
  };
}

function setup() {
  const detail = meetingDetail(1, Date.now() + 86_400_000);
  const target = detail.items[0]?.papers[0];
  if (!target) throw new Error('fixture');
  const documentId = target.document.id;
  const bridge = createFakeBridge({}, { user: MEMBER, meetings: [detail] });
  bridge.override('documents:read', () => ({
    ok: true,
    value: {
      sha256: SHA,
      version: 2,
      base64: btoa(String.fromCharCode(...PDF_BYTES)),
      copyAllowed: true,
    },
  }));
  const mine = view(documentId, { id: uuid(801), version: 2 }, true);
  const bobs = view(
    documentId,
    {
      id: uuid(802),
      version: 2,
      shape: { kind: 'note', point: { x: 300, y: 400 } },
      body: 'Ý kiến',
    },
    false,
  );
  const older = view(
    documentId,
    {
      id: uuid(803),
      sha256: 'd'.repeat(64),
      shape: {
        kind: 'underline',
        rects: [{ x: 1, y: 1, width: 1, height: 1 }],
        quote: { exact: 'Phạm vi điều chỉnh', prefix: '', suffix: '' },
      },
    },
    true,
  );
  const lost = view(
    documentId,
    {
      id: uuid(804),
      sha256: 'd'.repeat(64),
      shape: {
        kind: 'highlight',
        rects: [{ x: 1, y: 1, width: 1, height: 1 }],
        quote: { exact: 'Khoản 3 đã bị bãi bỏ', prefix: '', suffix: '' },
      },
    },
    true,
  );
  const created: unknown[] = [];
  const reanchored: unknown[] = [];
  bridge.override('annotations:list', () => ({
    ok: true,
    value: { documentId, annotations: [mine, bobs, older, lost] },
  }));
  bridge.override('annotations:reanchor', (input) => {
    reanchored.push(input);
    const start = LINE.indexOf('Phạm vi điều chỉnh');
    return {
      ok: true,
      value: {
        documentId,
        version: 2,
        placements: [
          {
            annotationId: older.annotation.id,
            status: 'anchored',
            pageIndex: 0,
            start,
            end: start + 18,
            method: 'exact',
          },
          {
            annotationId: lost.annotation.id,
            status: 'needs_attention',
            exact: 'Khoản 3 đã bị bãi bỏ',
          },
        ],
      },
    };
  });
  bridge.override('annotations:create', (input) => {
    created.push(input);
    const i = input as Pick<
      AnnotationRecord,
      'pageIndex' | 'shape' | 'color' | 'visibility' | 'body'
    >;
    return { ok: true, value: view(documentId, { ...i, id: uuid(805), version: 2 }, true) };
  });
  setBridgeForTests(bridge);
  return { bridge, detail, documentId, mine, bobs, older, lost, created, reanchored };
}

afterEach(() => localStorage.clear());

describe('annotations in the paper screen', () => {
  it('draws mine and others’ at PDF positions, re-anchors older ones, and a sticky note lands in PDF coordinates', async () => {
    const s = setup();
    const pdf = createFakeReaderPdf({ numPages: 2, linesOf: (i) => (i === 0 ? [LINE] : []) });
    render(
      <PaperScreen documentId={s.documentId} meetingId={s.detail.meeting.id} loader={pdf.loader} />,
    );
    const page = await screen.findByTestId('pdf-page-1');
    const layer = await within(page).findByTestId('annotation-layer');
    await waitFor(() => expect(within(layer).getAllByTestId('annotation-shape')).toHaveLength(3));
    const highlight = within(layer)
      .getAllByTestId('annotation-shape')
      .find((g) => g.getAttribute('data-id') === s.mine.annotation.id)!;
    const rect = highlight.querySelector('rect')!;
    expect(Number(rect.getAttribute('x'))).toBeCloseTo(72 * FIT_WIDTH_SCALE, 3);
    expect(Number(rect.getAttribute('y'))).toBeCloseTo((842 - 712) * FIT_WIDTH_SCALE, 3);
    expect(Number(rect.getAttribute('width'))).toBeCloseTo(100 * FIT_WIDTH_SCALE, 3);
    // The older underline, re-anchored onto this version's text (line 1 at y = 842 - 72).
    const placed = within(layer)
      .getAllByTestId('annotation-shape')
      .find((g) => g.getAttribute('data-id') === s.older.annotation.id)!;
    expect(placed.getAttribute('data-kind')).toBe('underline');
    expect(Number(placed.querySelector('line')!.getAttribute('x1'))).toBeCloseTo(
      (72 + LINE.indexOf('Phạm vi') * 6) * FIT_WIDTH_SCALE,
      3,
    );
    expect(s.reanchored).toEqual([
      { documentId: s.documentId, version: 2, pageTexts: [`${LINE}\n`, ''] },
    ]);
    expect(screen.getByTestId('annotation-needs-attention').textContent).toContain(
      'Khoản 3 đã bị bãi bỏ',
    );

    // Others' annotations are listed read-only with the author's name.
    const items = screen.getAllByTestId('annotation-item');
    const bobItem = items.find((i) => i.getAttribute('data-id') === s.bobs.annotation.id)!;
    expect(bobItem.textContent).toContain('Bộ trưởng Bob');
    expect(within(bobItem).queryByTestId('annotation-delete')).toBeNull();

    // Sticky note: (jsdom lays nothing out, so the page's client origin is 0, 0).
    fireEvent.click(screen.getByTestId('annotation-tool-note'));
    const input = await within(page).findByTestId('annotation-input');
    act(() => {
      fireEvent.pointerDown(input, {
        clientX: 100 * FIT_WIDTH_SCALE,
        clientY: (842 - 500) * FIT_WIDTH_SCALE,
        pointerId: 1,
      });
    });
    await waitFor(() => expect(s.created).toHaveLength(1));
    expect(s.created[0]).toEqual({
      documentId: s.documentId,
      version: 2,
      pageIndex: 0,
      visibility: 'private',
      color: '#ffd400',
      body: '',
      shape: { kind: 'note', point: { x: 100, y: 500 } },
    });
    await waitFor(() =>
      expect(screen.getByTestId('annotation-undo')).not.toHaveProperty('disabled', true),
    );
  });

  it('puts only changes the core took on the undo list', async () => {
    const s = setup();
    let refuse = true;
    s.bridge.override('annotations:update', (input) => {
      if (refuse) return { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } };
      const { patch } = input as { patch: { color: string } };
      return { ok: true, value: { ...s.mine, annotation: { ...s.mine.annotation, ...patch } } };
    });
    const pdf = createFakeReaderPdf({ numPages: 2, linesOf: (i) => (i === 0 ? [LINE] : []) });
    render(
      <PaperScreen documentId={s.documentId} meetingId={s.detail.meeting.id} loader={pdf.loader} />,
    );
    const item = await waitFor(() => {
      const found = screen
        .getAllByTestId('annotation-item')
        .find((i) => i.getAttribute('data-id') === s.mine.annotation.id);
      if (!found) throw new Error('not listed yet');
      return found;
    });
    const undo = screen.getByTestId<HTMLButtonElement>('annotation-undo');
    fireEvent.change(within(item).getByTestId('annotation-color'), {
      target: { value: '#5fb236' },
    });
    await waitFor(() => expect(s.bridge.callsTo('annotations:update')).toHaveLength(1));
    await act(() => Promise.resolve());
    expect(undo.disabled).toBe(true);
    refuse = false;
    fireEvent.change(within(item).getByTestId('annotation-color'), {
      target: { value: '#5fb236' },
    });
    await waitFor(() => expect(undo.disabled).toBe(false));
  });

  it('makes my re-anchored placement durable through the core (rects and quote from this version), and keeps the unplaced one listed', async () => {
    const s = setup();
    const placed: unknown[] = [];
    s.bridge.override('annotations:place', (input) => {
      placed.push(input);
      return {
        ok: true,
        value: { documentId: s.documentId, version: 2, placed: [s.older.annotation.id] },
      };
    });
    const pdf = createFakeReaderPdf({ numPages: 2, linesOf: (i) => (i === 0 ? [LINE] : []) });
    render(
      <PaperScreen documentId={s.documentId} meetingId={s.detail.meeting.id} loader={pdf.loader} />,
    );
    await waitFor(() => expect(placed).toHaveLength(1));
    const start = LINE.indexOf('Phạm vi điều chỉnh');
    // Only mine and anchored (the lost one is not sent); rects and quote measured on version 2.
    expect(placed[0]).toEqual({
      documentId: s.documentId,
      version: 2,
      placements: [
        {
          annotationId: s.older.annotation.id,
          pageIndex: 0,
          rects: [expect.objectContaining({ x: 72 + start * 6, width: 18 * 6 })],
          quote: {
            exact: 'Phạm vi điều chỉnh',
            prefix: LINE.slice(0, start),
            suffix: LINE.slice(start + 18) + '\n',
          },
        },
      ],
    });
    expect(screen.getByTestId('annotation-needs-attention').textContent).toContain(
      'Khoản 3 đã bị bãi bỏ',
    );
    // Version 1 is one I annotated: "what changed" is offered against it.
    expect(screen.getByTestId('what-changed-from')).toHaveProperty('value', '1');
  });
});
