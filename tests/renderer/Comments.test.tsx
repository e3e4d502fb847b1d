import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App.tsx';
import { setBridgeForTests } from '../../renderer/ipc/getBridge.ts';
import vi from '../../renderer/i18n/vi.json';
import { commentView } from './activityFixtures.ts';
import { MEMBER, meetingDetail, uuid } from './fixtures.ts';
import { bridgeFor, commentEl, firstItemId, itemEl, openMeeting } from './openMeeting.ts';

const DAY_MS = 86_400_000;

function setup() {
  const detail = meetingDetail(1, Date.now() + DAY_MS);
  const itemId = firstItemId(detail);
  const bridge = bridgeFor(detail, MEMBER);
  return { detail, itemId, bridge };
}

function threadOf(itemId: string): HTMLElement {
  return within(itemEl(itemId)).getByTestId('comment-thread');
}

/** Types into the thread's own "new comment" box (the last one) and submits it. */
function writeComment(itemId: string, body: string): void {
  const thread = threadOf(itemId);
  const inputs = within(thread).getAllByTestId('comment-input');
  const submits = within(thread).getAllByTestId('comment-submit');
  fireEvent.change(inputs[inputs.length - 1] as HTMLElement, { target: { value: body } });
  fireEvent.click(submits[submits.length - 1] as HTMLElement);
}

describe('comments per agenda item', () => {
  it('gives every agenda item its own thread, empty at first', async () => {
    const { detail, bridge } = setup();
    await openMeeting(detail, bridge);
    const threads = screen.getAllByTestId('comment-thread');
    expect(threads.map((t) => t.getAttribute('data-item-id'))).toEqual(
      detail.items.map((e) => e.item.id),
    );
    expect(threads[0]?.textContent).toContain(vi.comments.empty);
  });

  it('shows a new comment at once as waiting to be sent, then as sent after the ack', async () => {
    const { detail, itemId, bridge } = setup();
    await openMeeting(detail, bridge);

    writeComment(itemId, '  Đề nghị bổ sung đánh giá tác động.  ');
    const comment = await within(threadOf(itemId)).findByTestId('comment');
    expect(comment.getAttribute('data-state')).toBe('pending');
    expect(comment.textContent).toContain(vi.activity.pending);
    expect(within(comment).getByTestId('comment-body').textContent).toBe(
      'Đề nghị bổ sung đánh giá tác động.',
    );
    expect(bridge.callsTo('comments:create')).toEqual([
      { agendaItemId: itemId, parentId: null, body: 'Đề nghị bổ sung đánh giá tác động.' },
    ]);
    // The box is cleared for the next comment; the author is "you".
    const inputs = within(threadOf(itemId)).getAllByTestId('comment-input');
    expect((inputs[0] as HTMLTextAreaElement).value).toBe('');
    expect(comment.textContent).toContain(vi.comments.you);

    act(() => bridge.write.ackAll());
    await waitFor(() =>
      expect(within(threadOf(itemId)).getByTestId('comment').getAttribute('data-state')).toBe(
        'synced',
      ),
    );
    expect(within(threadOf(itemId)).queryByTestId('comment-pending')).toBeNull();
  });

  it('does not send an empty comment and says why', async () => {
    const { detail, itemId, bridge } = setup();
    await openMeeting(detail, bridge);
    writeComment(itemId, '   \n ');
    expect(await within(threadOf(itemId)).findByRole('alert')).toHaveProperty(
      'textContent',
      vi.comments.required,
    );
    expect(bridge.callsTo('comments:create')).toEqual([]);
  });

  it('shows a refused comment with the reason in words, and forgets it when dismissed', async () => {
    const { detail, itemId, bridge } = setup();
    await openMeeting(detail, bridge);
    writeComment(itemId, 'Góp ý sẽ bị từ chối');
    const pending = await within(threadOf(itemId)).findByTestId('comment');
    const id = pending.getAttribute('data-comment-id') ?? '';

    act(() => {
      bridge.write.reject({ comment: id }, 'FORBIDDEN');
    });
    await waitFor(() => expect(commentEl(id).getAttribute('data-state')).toBe('rejected'));
    const refused = commentEl(id);
    expect(refused.textContent).toContain(vi.comments.rejectedLead.create);
    expect(refused.textContent).toContain(
      vi.rejection.reasonLine.replace('{{reason}}', vi.rejection.code.FORBIDDEN),
    );
    expect(within(refused).getByTestId('rejection-notice').getAttribute('data-code')).toBe(
      'FORBIDDEN',
    );
    // A refused creation exists only on this device: nothing to reply to, edit or delete.
    expect(within(refused).queryByTestId('comment-reply')).toBeNull();
    expect(within(refused).queryByTestId('comment-edit')).toBeNull();

    fireEvent.click(within(refused).getByTestId('rejection-dismiss'));
    await waitFor(() => expect(within(threadOf(itemId)).queryByTestId('comment')).toBeNull());
    expect(bridge.write.state.rejected).toEqual([]);
  });

  it('offers edit and delete on my own comments only; anyone can be answered', async () => {
    const { detail, itemId, bridge } = setup();
    const theirs = commentView(10, detail.meeting.id, itemId);
    const mine = commentView(11, detail.meeting.id, itemId, {
      comment: { authorId: MEMBER.id, body: 'Góp ý của tôi' },
      authorName: MEMBER.displayName,
    });
    bridge.write.state.comments = [theirs, mine];
    await openMeeting(detail, bridge);

    const theirEl = commentEl(theirs.comment.id);
    expect(theirEl.getAttribute('data-mine')).toBe('false');
    expect(theirEl.textContent).toContain('Trần Thị Bình');
    expect(within(theirEl).getByTestId('comment-reply')).toBeTruthy();
    expect(within(theirEl).queryByTestId('comment-edit')).toBeNull();
    expect(within(theirEl).queryByTestId('comment-delete')).toBeNull();

    const myEl = commentEl(mine.comment.id);
    expect(myEl.getAttribute('data-mine')).toBe('true');
    expect(within(myEl).getByTestId('comment-reply')).toBeTruthy();
    expect(within(myEl).getByTestId('comment-edit')).toBeTruthy();
    expect(within(myEl).getByTestId('comment-delete')).toBeTruthy();
  });

  it('threads a reply right under the comment it answers', async () => {
    const { detail, itemId, bridge } = setup();
    const first = commentView(10, detail.meeting.id, itemId, { comment: { body: 'Thứ nhất' } });
    const second = commentView(11, detail.meeting.id, itemId, { comment: { body: 'Thứ hai' } });
    bridge.write.state.comments = [first, second];
    await openMeeting(detail, bridge);

    fireEvent.click(within(commentEl(first.comment.id)).getByTestId('comment-reply'));
    const form = commentEl(first.comment.id);
    fireEvent.change(within(form).getByTestId('comment-input'), {
      target: { value: 'Xin trả lời ý thứ nhất' },
    });
    fireEvent.click(within(form).getByTestId('comment-submit'));

    await waitFor(() => expect(within(threadOf(itemId)).getAllByTestId('comment')).toHaveLength(3));
    const comments = within(threadOf(itemId)).getAllByTestId('comment');
    expect(comments.map((c) => c.getAttribute('data-depth'))).toEqual(['0', '1', '0']);
    expect(comments[1]?.textContent).toContain('Xin trả lời ý thứ nhất');
    expect(comments[1]?.getAttribute('data-state')).toBe('pending');
    expect(bridge.callsTo('comments:create')).toEqual([
      { agendaItemId: itemId, parentId: first.comment.id, body: 'Xin trả lời ý thứ nhất' },
    ]);
    // The reply box closed after sending.
    expect(within(commentEl(first.comment.id)).queryByTestId('comment-input')).toBeNull();
  });

  it('edits my comment in place and deletes it, keeping its place in the thread', async () => {
    const { detail, itemId, bridge } = setup();
    const mine = commentView(11, detail.meeting.id, itemId, {
      comment: { authorId: MEMBER.id, body: 'Bản đầu' },
    });
    const reply = commentView(12, detail.meeting.id, itemId, {
      comment: { parentId: mine.comment.id, body: 'Trả lời' },
    });
    bridge.write.state.comments = [mine, reply];
    await openMeeting(detail, bridge);

    fireEvent.click(within(commentEl(mine.comment.id)).getByTestId('comment-edit'));
    const box = within(commentEl(mine.comment.id)).getByTestId('comment-input');
    expect((box as HTMLTextAreaElement).value).toBe('Bản đầu');
    fireEvent.change(box, { target: { value: 'Bản đã sửa' } });
    fireEvent.click(within(commentEl(mine.comment.id)).getByTestId('comment-submit'));
    await waitFor(() =>
      expect(within(commentEl(mine.comment.id)).getByTestId('comment-body').textContent).toBe(
        'Bản đã sửa',
      ),
    );
    expect(commentEl(mine.comment.id).getAttribute('data-state')).toBe('pending');
    expect(commentEl(mine.comment.id).textContent).toContain(vi.comments.edited);
    expect(bridge.callsTo('comments:edit')).toEqual([{ id: mine.comment.id, body: 'Bản đã sửa' }]);

    fireEvent.click(within(commentEl(mine.comment.id)).getByTestId('comment-delete'));
    await waitFor(() =>
      expect(commentEl(mine.comment.id).textContent).toContain(vi.comments.deleted),
    );
    expect(within(commentEl(mine.comment.id)).queryByTestId('comment-body')).toBeNull();
    expect(within(commentEl(mine.comment.id)).queryByTestId('comment-edit')).toBeNull();
    // The reply stays, under the deleted comment.
    expect(commentEl(reply.comment.id).getAttribute('data-depth')).toBe('1');
    expect(bridge.callsTo('comments:delete')).toEqual([{ id: mine.comment.id }]);
  });

  it('shows what the core refused when an edit is not allowed', async () => {
    const { detail, itemId, bridge } = setup();
    const mine = commentView(11, detail.meeting.id, itemId, {
      comment: { authorId: MEMBER.id },
    });
    bridge.write.state.comments = [mine];
    bridge.override('comments:edit', () => ({
      ok: false,
      error: { code: 'NOT_AUTHOR', message: 'x' },
    }));
    await openMeeting(detail, bridge);
    fireEvent.click(within(commentEl(mine.comment.id)).getByTestId('comment-edit'));
    fireEvent.change(within(commentEl(mine.comment.id)).getByTestId('comment-input'), {
      target: { value: 'Sửa' },
    });
    fireEvent.click(within(commentEl(mine.comment.id)).getByTestId('comment-submit'));
    expect((await within(commentEl(mine.comment.id)).findByRole('alert')).textContent).toBe(
      vi.comments.failed.replace('{{reason}}', vi.errors.NOT_AUTHOR),
    );
    // The draft is kept so nothing typed is lost.
    expect(
      within(commentEl(mine.comment.id)).getByTestId<HTMLTextAreaElement>('comment-input').value,
    ).toBe('Sửa');
  });

  it('shows markup in comments and names as plain text, never as HTML', async () => {
    const { detail, itemId, bridge } = setup();
    const body = '<b>đậm</b><img src=x onerror="alert(1)"><script>alert(2)</script>&amp;';
    const hostile = commentView(10, detail.meeting.id, itemId, {
      comment: { body },
      authorName: '<i>Kẻ</i> <a href="javascript:alert(3)">lạ</a>',
    });
    bridge.write.state.comments = [hostile];
    await openMeeting(detail, bridge);

    const el = commentEl(hostile.comment.id);
    expect(within(el).getByTestId('comment-body').textContent).toBe(body);
    expect(el.textContent).toContain('<i>Kẻ</i> <a href="javascript:alert(3)">lạ</a>');
    expect(el.querySelector('b, img, script, i, a')).toBeNull();

    // And what I type myself goes out and comes back as the same characters.
    writeComment(itemId, '<marquee>xin chào</marquee>');
    await waitFor(() => expect(within(threadOf(itemId)).getAllByTestId('comment')).toHaveLength(2));
    const mine = within(threadOf(itemId)).getAllByTestId('comment')[1] as HTMLElement;
    expect(within(mine).getByTestId('comment-body').textContent).toBe(
      '<marquee>xin chào</marquee>',
    );
    expect(threadOf(itemId).querySelector('marquee')).toBeNull();
  });

  it('reloads the thread when a pulled page brings comments from others', async () => {
    const { detail, itemId, bridge } = setup();
    await openMeeting(detail, bridge);
    bridge.write.state.comments = [
      commentView(20, detail.meeting.id, itemId, { comment: { body: 'Từ máy chủ' } }),
    ];
    act(() => bridge.emit('sync:applied', { entities: ['comment'], cursor: 9 }));
    expect((await within(threadOf(itemId)).findByTestId('comment-body')).textContent).toBe(
      'Từ máy chủ',
    );
    // An unrelated entity does not reload comments.
    const before = bridge.callsTo('comments:list').length;
    act(() => bridge.emit('sync:applied', { entities: ['document'], cursor: 10 }));
    await Promise.resolve();
    expect(bridge.callsTo('comments:list')).toHaveLength(before);
  });

  it('shows who wrote a comment whose author has not synced yet', async () => {
    const { detail, itemId, bridge } = setup();
    const unknown = commentView(10, detail.meeting.id, itemId, {
      comment: { authorId: uuid(4242) },
      authorName: null,
    });
    bridge.write.state.comments = [unknown];
    await openMeeting(detail, bridge);
    expect(commentEl(unknown.comment.id).textContent).toContain(vi.comments.unknownAuthor);
  });

  it('loads and follows writes under StrictMode (mount, unmount, mount again)', async () => {
    const { detail, itemId, bridge } = setup();
    setBridgeForTests(bridge);
    window.location.hash = `#/meetings/${detail.meeting.id}`;
    render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    await waitFor(() =>
      expect(within(threadOf(itemId)).queryByTestId('comment-input')).not.toBeNull(),
    );
    writeComment(itemId, 'Trong StrictMode');
    const comment = await within(threadOf(itemId)).findByTestId('comment');
    expect(comment.getAttribute('data-state')).toBe('pending');
    act(() => bridge.write.ackAll());
    await waitFor(() =>
      expect(within(threadOf(itemId)).getByTestId('comment').getAttribute('data-state')).toBe(
        'synced',
      ),
    );
  });
});
