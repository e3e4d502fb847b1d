import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../shared/domain/reminder.ts';
import { formatDateTime } from '../../renderer/i18n/formatDateTime.ts';
import { createFakeBridge } from './fakeBridge.ts';
import { MEMBER, uuid } from './fixtures.ts';
import { renderApp } from './renderApp.tsx';

// Reminders from the secretariat as in-app notifications in the app shell.

function reminder(n: number, question: string): Reminder {
  return {
    id: uuid(800 + n),
    kind: 'opinionBallot',
    memberId: MEMBER.id,
    ballotId: uuid(850 + n),
    question,
    deadline: '2026-11-25T10:00:00.000Z',
    sentAt: `2026-11-21T0${n}:00:00.000Z`,
  };
}

describe('notifications', () => {
  it('shows a reminder with the question and deadline, linking to the ballot; dismiss hides it', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    const first = reminder(1, 'Dự thảo Nghị định về dịch vụ công trực tuyến');
    bridge.write.state.reminders = [first];
    renderApp(bridge, '#/meetings');
    const notice = await screen.findByTestId('notification');
    expect(notice.textContent).toContain('Nhắc trả lời phiếu lấy ý kiến');
    const link = within(notice).getByTestId('notification-link');
    expect(link.textContent).toBe(first.question);
    expect(link.getAttribute('href')).toBe(`#/ballots/${first.ballotId}`);
    const deadline = formatDateTime(Date.parse(first.deadline), 'vi');
    expect(notice.textContent).toContain(`Hạn trả lời: ${deadline}`);

    fireEvent.click(within(notice).getByTestId('notification-dismiss'));
    await waitFor(() => expect(screen.queryByTestId('notification')).toBeNull());
    expect(bridge.callsTo('reminders:dismiss')).toEqual([{ id: first.id }]);
  });

  it('a reminder arriving by sync appears without a reload', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    renderApp(bridge, '#/meetings');
    await screen.findByTestId('notifications');
    expect(screen.queryByTestId('notification')).toBeNull();
    bridge.write.state.reminders = [reminder(2, 'Dự thảo Luật Phát triển thị trường dữ liệu')];
    act(() => bridge.emit('sync:applied', { entities: ['reminder'], cursor: 9 }));
    expect((await screen.findByTestId('notification')).textContent).toContain(
      'Dự thảo Luật Phát triển thị trường dữ liệu',
    );
  });

  it('shows nothing before sign-in', async () => {
    const bridge = createFakeBridge({}, { user: null });
    bridge.write.state.reminders = [reminder(3, 'Không hiển thị')];
    renderApp(bridge, '#/meetings');
    await screen.findByTestId('app-main');
    expect(screen.queryByTestId('notifications')).toBeNull();
  });
});
