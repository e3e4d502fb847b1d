import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { Vote } from '../../shared/domain/vote.ts';
import { loginResponseSchema } from '../../shared/protocol/auth.ts';
import { SECRETARIAT_EVENTS } from '../../shared/protocol/secretariat.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.ts';
import { CABINET_RULES } from '../../shared/rules/ruleSet.ts';
import type { Result } from '../../shared/util/result.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.ts';
import { expect, serverTest } from './fixtures/app.ts';
import { launchWebApp } from './fixtures/webApp.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { MeetingPage } from './pages/MeetingPage.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MeetingWritePage } from './pages/MeetingWritePage.ts';
import { demo } from './support/demoData.ts';

// The write path end to end (style.md habit 9): a member comments and votes while the server
// is down, restarts the app, the server comes back, and both the member's screen and another
// member's screen show the comment and the counted vote; a ballot queued while the device is
// offline and sent after the secretariat closed the vote is shown as refused (VOTING_CLOSED).
// The member's app talks to the server through a loopback proxy, so the test can take that one
// device offline while the secretariat (a socket from the test) and the other member stay online.

const test = serverTest.extend<{ memberLink: TcpProxy }>({
  memberLink: async ({ server }, use) => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
    await use(proxy);
    await proxy.close();
  },
  appServerUrl: async ({ memberLink }, use) => use(memberLink.url),
});

/** Reconnects after a server restart back off; give the app time to find it again. */
const SYNC = { timeout: 30_000 };
const otherMember = { username: 'bt.tuphap', password: demo.member.password };

/** The secretariat, as a socket from the test (opening and closing votes is online only). */
async function secretariatSocket(serverUrl: string): Promise<Socket> {
  const deviceId = randomUUID();
  const res = await fetch(new URL('/api/auth/login', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: demo.secretariat.username,
      password: demo.secretariat.password,
      deviceId,
      deviceName: 'e2e secretariat',
      protocolVersion: PROTOCOL_VERSION,
    }),
  });
  const { token } = loginResponseSchema.parse(await res.json());
  const socket = io(serverUrl, {
    auth: { token, protocolVersion: PROTOCOL_VERSION, deviceId },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

async function openVote(socket: Socket, agendaItemId: string, question: string): Promise<Vote> {
  const result = (await socket.timeout(10_000).emitWithAck(SECRETARIAT_EVENTS.voteOpen, {
    meetingId: demo.published.meeting.id,
    agendaItemId,
    question,
    ruleSetId: CABINET_RULES.id,
  })) as Result<{ vote: Vote }>;
  if (!result.ok) throw new Error(`vote:open refused: ${result.error.code}`);
  return result.value.vote;
}

async function closeVote(socket: Socket, voteId: string): Promise<void> {
  const result = (await socket
    .timeout(10_000)
    .emitWithAck(SECRETARIAT_EVENTS.voteClose, { voteId })) as Result<{ vote: Vote }>;
  if (!result.ok) throw new Error(`vote:close refused: ${result.error.code}`);
}

test.describe('write path', () => {
  test('offline comment and ballot reach the server once it is back and show on another member’s screen; a ballot sent after the close is refused', async ({
    app,
    server,
    memberLink: proxy,
    lazyBrowser,
  }) => {
    test.setTimeout(150_000);
    const meeting = demo.published.meeting;
    const itemId = demo.published.items[0]!.id;
    const body = `Đề nghị bổ sung số liệu ${randomUUID().slice(0, 8)}`;
    let staff = await secretariatSocket(server.url);
    const counted = await openVote(staff, itemId, 'Thông qua Báo cáo?');
    const late = await openVote(staff, itemId, 'Thông qua Tờ trình?');
    staff.close();

    // 1. The member signs in and opens the meeting: both votes are there, open.
    const login = new LoginPage(app.page);
    await login.expectShown(proxy.url);
    await login.signIn(demo.member.username, demo.member.password);
    await expect(login.shell.connectionIndicator).toHaveAttribute('data-state', 'online');
    const meetings = new MeetingsPage(app.page);
    await expect(meetings.card(meeting.id)).toBeVisible(SYNC);
    await meetings.openMeeting(meeting.id);
    await new MeetingPage(app.page).expectReady();
    let mine = new MeetingWritePage(app.page);
    await expect(mine.vote(counted.id)).toHaveAttribute('data-status', 'open', SYNC);
    await expect(mine.vote(late.id)).toHaveAttribute('data-status', 'open', SYNC);

    // 2. The server goes down; the member comments and votes anyway: both pending.
    await server.stop();
    await expect(mine.shell.connectionIndicator).not.toHaveAttribute('data-state', 'online', SYNC);
    await mine.writeComment(itemId, body);
    await expect(mine.comment(itemId, body)).toHaveAttribute('data-state', 'pending');
    await mine.cast(counted.id, 'for');
    await expect(mine.myBallot(counted.id)).toHaveAttribute('data-state', 'pending');

    // 3. The app restarts (still offline): the changes are still there, still pending.
    await app.restart();
    const afterRestart = new MeetingsPage(app.page);
    await expect(afterRestart.card(meeting.id)).toBeVisible(SYNC);
    await afterRestart.openMeeting(meeting.id);
    await new MeetingPage(app.page).expectReady();
    mine = new MeetingWritePage(app.page);
    await expect(mine.comment(itemId, body)).toHaveAttribute('data-state', 'pending');
    await expect(mine.myBallot(counted.id)).toHaveAttribute('data-state', 'pending');

    // 4. The server comes back: the comment is synced, the ballot counted.
    await server.restart();
    await expect(mine.shell.connectionIndicator).toHaveAttribute('data-state', 'online', SYNC);
    await expect(mine.comment(itemId, body)).toHaveAttribute('data-state', 'synced', SYNC);
    await expect(mine.comment(itemId, body)).toHaveCount(1);
    await expect(mine.myBallot(counted.id)).toHaveAttribute('data-state', 'counted', SYNC);
    await expect(mine.counts(counted.id)).toHaveAttribute('data-for', '1', SYNC);

    // 5. Another member, on another device (own data directory), sees both.
    const otherDir = await mkdtemp(join(tmpdir(), 'ecabinet-e2e-other-'));
    const other = await launchWebApp(await lazyBrowser(), otherDir, {
      defaultServerUrl: server.url,
    });
    try {
      const otherLogin = new LoginPage(other.page);
      await otherLogin.expectShown(server.url);
      await otherLogin.signIn(otherMember.username, otherMember.password);
      const otherMeetings = new MeetingsPage(other.page);
      await expect(otherMeetings.card(meeting.id)).toBeVisible(SYNC);
      await otherMeetings.openMeeting(meeting.id);
      await new MeetingPage(other.page).expectReady();
      const theirs = new MeetingWritePage(other.page);
      await expect(theirs.comment(itemId, body)).toHaveCount(1, SYNC);
      await expect(theirs.comment(itemId, body)).toHaveAttribute('data-state', 'synced');
      await expect(theirs.counts(counted.id)).toHaveAttribute('data-for', '1', SYNC);
      await expect(theirs.myBallot(counted.id)).toHaveAttribute('data-state', 'none');
    } finally {
      await other.close();
      await rm(otherDir, { recursive: true, force: true });
    }

    // 6. The member's device goes offline; a ballot is queued; the secretariat closes the vote;
    // the device comes back and the server refuses the ballot: VOTING_CLOSED.
    proxy.setDown(true);
    await expect(mine.shell.connectionIndicator).not.toHaveAttribute('data-state', 'online', SYNC);
    await mine.cast(late.id, 'against');
    await expect(mine.myBallot(late.id)).toHaveAttribute('data-state', 'pending');
    staff = await secretariatSocket(server.url);
    try {
      await closeVote(staff, late.id);
    } finally {
      staff.close();
    }
    proxy.setDown(false);
    await expect(mine.shell.connectionIndicator).toHaveAttribute('data-state', 'online', SYNC);
    await expect(mine.vote(late.id)).toHaveAttribute('data-status', 'closed', SYNC);
    await expect(mine.myBallot(late.id)).toHaveAttribute('data-state', 'rejected', SYNC);
    await expect(
      mine.vote(late.id).getByTestId('rejection-notice'),
    ).toHaveAttribute('data-code', 'VOTING_CLOSED');
    await expect(mine.counts(late.id)).toHaveAttribute('data-against', '0');
  });
});
