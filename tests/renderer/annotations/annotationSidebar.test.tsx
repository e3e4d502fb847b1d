import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type { AnnotationView } from '../../../shared/domain/annotationViews.ts';
import {
  AnnotationSidebar,
  type AnnotationSidebarProps,
} from '../../../renderer/features/annotations/AnnotationSidebar.tsx';
import {
  UndoStack,
  type AnnotationActions,
} from '../../../renderer/features/annotations/undoStack.ts';

const ME = '00000000-0000-4000-8000-000000000001';
const BOB = '00000000-0000-4000-8000-000000000002';
let n = 0;
function view(over: Partial<AnnotationRecord>, mine: boolean): AnnotationView {
  n++;
  return {
    annotation: {
      id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
      meetingId: '00000000-0000-4000-8000-000000000010',
      documentId: '00000000-0000-4000-8000-000000000020',
      version: 1,
      sha256: 'a'.repeat(64),
      pageIndex: 0,
      authorId: mine ? ME : BOB,
      visibility: 'participants',
      color: '#ffd400',
      body: '',
      shape: { kind: 'note', point: { x: 1, y: 1 } },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      deletedAt: null,
      ...over,
    },
    authorName: mine ? 'Tôi' : 'Bộ trưởng Bob',
    mine,
    pending: false,
  };
}

const views = [
  view({ body: 'ghi chú của tôi', pageIndex: 2 }, true),
  view(
    {
      color: '#ff6666',
      shape: {
        kind: 'highlight',
        rects: [{ x: 1, y: 1, width: 2, height: 2 }],
        quote: { exact: 'Điều 5', prefix: '', suffix: '' },
      },
    },
    false,
  ),
];

function sidebarProps(over: Partial<AnnotationSidebarProps> = {}) {
  return {
    annotations: views,
    needsAttention: [{ annotationId: views[0]!.annotation.id, exact: 'đoạn đã bị xóa' }],
    onJump: vi.fn(),
    selectedId: null,
    onDelete: vi.fn(),
    onVisibility: vi.fn(),
    onEdit: vi.fn(),
    onUndo: vi.fn(),
    onRedo: vi.fn(),
    canUndo: true,
    canRedo: false,
    ...over,
  };
}

function renderSidebar() {
  const props = sidebarProps();
  render(<AnnotationSidebar {...props} />);
  return props;
}

describe('annotation sidebar', () => {
  it("lists mine editable and others' read-only with the author's name; filters by type, colour, author", () => {
    const props = renderSidebar();
    const items = screen.getAllByTestId('annotation-item');
    expect(items).toHaveLength(2);
    const theirs = items.find((i) => i.dataset['mine'] === 'false')!;
    expect(within(theirs).queryByTestId('annotation-delete')).toBeNull();
    expect(within(theirs).getByTestId('annotation-read-only')).toBeTruthy();
    expect(theirs.textContent).toContain('Bộ trưởng Bob');
    const mine = items.find((i) => i.dataset['mine'] === 'true')!;
    fireEvent.change(within(mine).getByTestId('annotation-visibility'), {
      target: { value: 'private' },
    });
    expect(props.onVisibility).toHaveBeenCalledWith(views[0]!.annotation.id, 'private');
    const editor = within(mine).getByTestId('annotation-body');
    fireEvent.change(editor, { target: { value: 'ghi chú đã sửa' } });
    fireEvent.blur(editor);
    expect(props.onEdit).toHaveBeenCalledWith(views[0]!.annotation.id, { body: 'ghi chú đã sửa' });
    fireEvent.change(within(mine).getByTestId('annotation-color'), {
      target: { value: '#5fb236' },
    });
    expect(props.onEdit).toHaveBeenCalledWith(views[0]!.annotation.id, { color: '#5fb236' });
    fireEvent.click(within(mine).getByTestId('annotation-delete'));
    expect(props.onDelete).toHaveBeenCalledWith(views[0]!.annotation.id);
    fireEvent.click(within(mine).getAllByRole('button')[0]!);
    expect(props.onJump).toHaveBeenCalledWith(views[0]);

    fireEvent.change(screen.getByTestId('annotation-filter-kind'), {
      target: { value: 'highlight' },
    });
    expect(screen.getAllByTestId('annotation-item').map((i) => i.dataset['id'])).toEqual([
      views[1]!.annotation.id,
    ]);
    fireEvent.change(screen.getByTestId('annotation-filter-kind'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('annotation-filter-color'), {
      target: { value: '#ffd400' },
    });
    expect(screen.getAllByTestId('annotation-item').map((i) => i.dataset['id'])).toEqual([
      views[0]!.annotation.id,
    ]);
    fireEvent.change(screen.getByTestId('annotation-filter-color'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('annotation-filter-author'), { target: { value: BOB } });
    expect(screen.getAllByTestId('annotation-item').map((i) => i.dataset['id'])).toEqual([
      views[1]!.annotation.id,
    ]);
    expect(screen.getByTestId('annotation-needs-attention').textContent).toContain(
      'đoạn đã bị xóa',
    );
  });
});

describe('notes and ink on an older version', () => {
  it('are listed under "needs attention" with their kind, version, page and text', () => {
    const note = view({ version: 1, pageIndex: 3, body: 'xem lại khoản 2' }, true);
    const ink = view(
      { version: 1, pageIndex: 0, shape: { kind: 'ink', width: 2, strokes: [] } },
      false,
    );
    render(
      <AnnotationSidebar
        {...sidebarProps({ annotations: [note, ink], olderMarks: [note, ink], needsAttention: [] })}
      />,
    );
    const marks = screen.getAllByTestId('annotation-older-mark');
    expect(marks.map((m) => m.textContent)).toEqual([
      'Ghi chú trên phiên bản 1, trang 4 — “xem lại khoản 2”',
      'Nét vẽ trên phiên bản 1, trang 1',
    ]);
  });
});

describe('editing my note while a sync arrives', () => {
  it('keeps what I type while the field has focus, saves it on leaving, and follows the stored text otherwise', () => {
    const mine = view({ body: 'bản đầu' }, true);
    const props = sidebarProps({ annotations: [mine], needsAttention: [] });
    const { rerender } = render(<AnnotationSidebar {...props} />);
    const editor = () => screen.getByTestId<HTMLTextAreaElement>('annotation-body');
    const arrives = (over: Partial<AnnotationRecord>) =>
      rerender(
        <AnnotationSidebar
          {...props}
          annotations={[{ ...mine, annotation: { ...mine.annotation, ...over } }]}
        />,
      );

    fireEvent.focus(editor());
    fireEvent.change(editor(), { target: { value: 'đang gõ dở' } });
    // The server acknowledges an earlier change (new updatedAt), then my other device's text.
    arrives({ updatedAt: '2026-01-01T00:00:05.000Z' });
    expect(editor().value).toBe('đang gõ dở');
    arrives({ body: 'từ máy khác', updatedAt: '2026-01-01T00:00:06.000Z' });
    expect(editor().value).toBe('đang gõ dở');
    fireEvent.blur(editor());
    expect(props.onEdit).toHaveBeenCalledTimes(1);
    expect(props.onEdit).toHaveBeenCalledWith(mine.annotation.id, { body: 'đang gõ dở' });

    // Out of focus the field shows what is stored, e.g. a refused change rolled back.
    arrives({ body: 'bản đã lưu', updatedAt: '2026-01-01T00:00:07.000Z' });
    expect(editor().value).toBe('bản đã lưu');
    fireEvent.focus(editor());
    fireEvent.blur(editor());
    expect(props.onEdit).toHaveBeenCalledTimes(1);
  });
});

describe('undo/redo of my operations', () => {
  it('undoes and redoes create, update and delete; a deleted annotation comes back under its own id', async () => {
    const log: string[] = [];
    const actions: AnnotationActions = {
      restore: (r) => {
        log.push(`restore ${r.id} ${r.body}`);
        return Promise.resolve();
      },
      update: (id, patch) => {
        log.push(`update ${id} ${patch.color ?? ''}`);
        return Promise.resolve();
      },
      remove: (id) => {
        log.push(`delete ${id}`);
        return Promise.resolve();
      },
    };
    const record = { ...views[0]!.annotation, id: 'a1', body: 'x' };
    const stack = new UndoStack();
    stack.record({ kind: 'create', record });
    stack.record({
      kind: 'update',
      id: 'a1',
      before: { color: '#ffd400' },
      after: { color: '#ff6666' },
    });
    await stack.undo(actions);
    await stack.undo(actions);
    expect(stack.canUndo).toBe(false);
    await stack.redo(actions);
    await stack.redo(actions);
    expect(stack.canRedo).toBe(false);
    expect(log).toEqual(['update a1 #ffd400', 'delete a1', 'restore a1 x', 'update a1 #ff6666']);
    stack.record({ kind: 'delete', record: { ...record, body: 'ghi chú' } });
    await stack.undo(actions);
    expect(log.at(-1)).toBe('restore a1 ghi chú');
    await stack.redo(actions);
    expect(log.at(-1)).toBe('delete a1');
    await stack.undo(actions);
    await stack.undo(actions);
    expect(log.slice(-2)).toEqual(['restore a1 ghi chú', 'update a1 #ffd400']);
  });

  it('keeps an operation the core refused to undo (or redo) in place, to try again', async () => {
    let refuse = true;
    const actions: AnnotationActions = {
      restore: () => Promise.resolve(),
      update: () => (refuse ? Promise.reject(new Error('NOT_AUTHOR')) : Promise.resolve()),
      remove: () => Promise.resolve(),
    };
    const stack = new UndoStack();
    stack.record({ kind: 'update', id: 'a1', before: { body: 'a' }, after: { body: 'b' } });
    await expect(stack.undo(actions)).rejects.toThrow('NOT_AUTHOR');
    expect(stack.canUndo).toBe(true);
    expect(stack.canRedo).toBe(false);
    refuse = false;
    await stack.undo(actions);
    expect(stack.canRedo).toBe(true);
    refuse = true;
    await expect(stack.redo(actions)).rejects.toThrow('NOT_AUTHOR');
    expect(stack.canRedo).toBe(true);
    expect(stack.canUndo).toBe(false);
  });
});
