import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type {
  AnnotationComment,
  AnnotationCommentView,
} from '../../../shared/domain/annotationComment.ts';
import { AnnotationSidebar } from '../../../renderer/features/annotations/AnnotationSidebar.tsx';
import { AnnotationThread } from '../../../renderer/features/annotations/AnnotationThread.tsx';
import type { AnnotationView } from '../../../shared/domain/annotationViews.ts';
import { setBridgeForTests } from '../../../renderer/ipc/getBridge.ts';
import { createFakeBridge } from '../fakeBridge.ts';
import { MEMBER, uuid } from '../fixtures.ts';

const ANNOTATION = uuid(600);
const BOB = uuid(901);

function comment(n: number, over: Partial<AnnotationComment>): AnnotationComment {
  return {
    id: uuid(610 + n),
    meetingId: uuid(1),
    annotationId: ANNOTATION,
    parentId: null,
    authorId: BOB,
    body: '',
    createdAt: `2026-01-01T00:0${n}:00.000Z`,
    editedAt: null,
    deletedAt: null,
    ...over,
  };
}

/** A core holding one annotation's thread: writes become pending views, as the core does. */
function setup() {
  const bridge = createFakeBridge({}, { user: MEMBER });
  const views: AnnotationCommentView[] = [
    {
      comment: comment(1, { body: '<b>Vì sao</b> 30 ngày?' }),
      depth: 0,
      authorName: 'Bộ trưởng Bob',
      mine: false,
      pending: false,
      rejection: null,
    },
    {
      comment: comment(2, { parentId: uuid(611), authorId: MEMBER.id, body: 'Theo Luật' }),
      depth: 1,
      authorName: MEMBER.displayName,
      mine: true,
      pending: false,
      rejection: null,
    },
  ];
  let next = 0;
  const toView = (c: AnnotationComment, depth: number): AnnotationCommentView => ({
    comment: c,
    depth,
    authorName: MEMBER.displayName,
    mine: true,
    pending: true,
    rejection: null,
  });
  bridge.override('annotationComments:list', () => ({
    ok: true,
    value: { annotationId: ANNOTATION, comments: views },
  }));
  bridge.override('annotationComments:create', (input) => {
    const i = input as { parentId: string | null; body: string };
    const parent = views.find((v) => v.comment.id === i.parentId);
    const made = toView(
      comment(5 + next++, { authorId: MEMBER.id, parentId: i.parentId, body: i.body }),
      parent ? parent.depth + 1 : 0,
    );
    views.push(made);
    return { ok: true, value: made };
  });
  bridge.override('annotationComments:edit', (input) => {
    const i = input as { id: string; body: string };
    const at = views.findIndex((v) => v.comment.id === i.id);
    const old = views[at]!;
    views[at] = {
      ...old,
      pending: true,
      comment: { ...old.comment, body: i.body, editedAt: '2026-01-02T00:00:00.000Z' },
    };
    return { ok: true, value: views[at] };
  });
  bridge.override('annotationComments:delete', (input) => {
    const i = input as { id: string };
    const at = views.findIndex((v) => v.comment.id === i.id);
    const old = views[at]!;
    views[at] = {
      ...old,
      pending: true,
      comment: { ...old.comment, body: '', deletedAt: '2026-01-02T00:00:00.000Z' },
    };
    return { ok: true, value: views[at] };
  });
  setBridgeForTests(bridge);
  return bridge;
}

describe('comment thread under an annotation', () => {
  it('shows the thread as plain text, nested, with edit and delete only on mine', async () => {
    setup();
    render(<AnnotationThread annotationId={ANNOTATION} />);
    const items = await screen.findAllByTestId('annotation-comment');
    expect(items.map((i) => i.getAttribute('data-depth'))).toEqual(['0', '1']);
    const first = items[0]!;
    expect(within(first).getByTestId('annotation-comment-body').textContent).toBe(
      '<b>Vì sao</b> 30 ngày?',
    );
    expect(first.querySelector('b')).toBeNull();
    expect(first.textContent).toContain('Bộ trưởng Bob');
    expect(within(first).queryByTestId('annotation-comment-edit')).toBeNull();
    expect(within(first).queryByTestId('annotation-comment-delete')).toBeNull();
    expect(within(first).getByTestId('annotation-comment-reply')).toBeTruthy();
    expect(within(items[1]!).getByTestId('annotation-comment-edit')).toBeTruthy();
  });

  it('writes a comment, a reply, an edit and a delete through the core; queued ones show as waiting', async () => {
    const bridge = setup();
    render(<AnnotationThread annotationId={ANNOTATION} />);
    await screen.findAllByTestId('annotation-comment');

    fireEvent.change(screen.getByTestId('annotation-comment-input'), {
      target: { value: '  Đề nghị bổ sung số liệu  ' },
    });
    fireEvent.click(screen.getByTestId('annotation-comment-input-submit'));
    await waitFor(() => expect(screen.getAllByTestId('annotation-comment')).toHaveLength(3));
    expect(bridge.callsTo('annotationComments:create')).toEqual([
      { annotationId: ANNOTATION, parentId: null, body: 'Đề nghị bổ sung số liệu' },
    ]);
    const added = screen.getAllByTestId('annotation-comment')[2]!;
    expect(added.getAttribute('data-pending')).toBe('true');
    expect(within(added).getByTestId('annotation-comment-pending').textContent).toContain(
      'Đang chờ gửi',
    );
    expect(screen.getByTestId('annotation-comment-input')).toHaveProperty('value', '');

    // A reply to Bob's comment.
    const bobs = screen.getAllByTestId('annotation-comment')[0]!;
    fireEvent.click(within(bobs).getByTestId('annotation-comment-reply'));
    fireEvent.change(within(bobs).getByTestId('annotation-comment-reply-input'), {
      target: { value: 'Trả lời' },
    });
    fireEvent.click(within(bobs).getByTestId('annotation-comment-reply-input-submit'));
    await waitFor(() => expect(bridge.callsTo('annotationComments:create')).toHaveLength(2));
    expect(bridge.callsTo('annotationComments:create')[1]).toEqual({
      annotationId: ANNOTATION,
      parentId: uuid(611),
      body: 'Trả lời',
    });

    // Edit, then delete, my own.
    const mine = screen
      .getAllByTestId('annotation-comment')
      .find((i) => i.getAttribute('data-id') === uuid(612))!;
    fireEvent.click(within(mine).getByTestId('annotation-comment-edit'));
    fireEvent.change(within(mine).getByTestId('annotation-comment-editor'), {
      target: { value: 'Theo Luật 2025' },
    });
    fireEvent.click(within(mine).getByTestId('annotation-comment-editor-submit'));
    await waitFor(() =>
      expect(within(mine).getByTestId('annotation-comment-body').textContent).toBe(
        'Theo Luật 2025',
      ),
    );
    fireEvent.click(within(mine).getByTestId('annotation-comment-delete'));
    await waitFor(() => expect(within(mine).queryByTestId('annotation-comment-body')).toBeNull());
    expect(mine.textContent).toContain('Bình luận đã bị xóa.');
    expect(bridge.callsTo('annotationComments:delete')).toEqual([{ id: uuid(612) }]);
  });

  it('shows under the selected annotation in the sidebar only', async () => {
    setup();
    const view = (id: string): AnnotationView => ({
      annotation: {
        id,
        meetingId: uuid(1),
        documentId: uuid(300),
        version: 1,
        sha256: 'a'.repeat(64),
        pageIndex: 0,
        authorId: BOB,
        visibility: 'participants',
        color: '#ffd400',
        body: 'Ghi chú',
        shape: { kind: 'note', point: { x: 1, y: 1 } },
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        deletedAt: null,
      },
      authorName: 'Bộ trưởng Bob',
      mine: false,
      pending: false,
    });
    const noop = () => {};
    render(
      <AnnotationSidebar
        annotations={[view(ANNOTATION), view(uuid(601))]}
        needsAttention={[]}
        selectedId={ANNOTATION}
        onJump={noop}
        onDelete={noop}
        onVisibility={noop}
        onEdit={noop}
        onUndo={noop}
        onRedo={noop}
        canUndo={false}
        canRedo={false}
      />,
    );
    const items = screen.getAllByTestId('annotation-item');
    expect(within(items[0]!).getByTestId('annotation-thread')).toBeTruthy();
    expect(within(items[1]!).queryByTestId('annotation-thread')).toBeNull();
    expect(await within(items[0]!).findAllByTestId('annotation-comment')).toHaveLength(2);
  });
});
