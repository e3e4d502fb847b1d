import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OpinionBallot, OpinionView } from '../../shared/domain/opinionBallot.ts';
import type { BallotView } from '../../shared/domain/opinionViews.ts';
import type { BallotStatusResponse } from '../../shared/protocol/ballots.ts';
import { formatDateTime } from '../../renderer/i18n/formatDateTime.ts';
import { createFakeBridge, type FakeBridge } from './fakeBridge.ts';
import { MEMBER, sha, uuid } from './fixtures.ts';
import { SECRETARIAT } from './openMeeting.ts';
import { renderApp } from './renderApp.tsx';

const BALLOT: OpinionBallot = {
  id: uuid(700),
  meetingId: null,
  question: 'Dự thảo Nghị định về quản lý tài sản công',
  documents: [{ id: uuid(701), version: 2, sha256: sha(701) }],
  deadline: '2026-11-25T10:00:00.000Z',
  eligibleMemberIds: [MEMBER.id],
  ruleSetId: 'vn.cabinet.2015',
  status: 'open',
  createdAt: '2026-11-20T10:00:00.000Z',
};

function opinion(overrides: Partial<OpinionView> = {}): OpinionView {
  return {
    id: uuid(710),
    ballotId: BALLOT.id,
    meetingId: null,
    memberId: MEMBER.id,
    choice: 'agree',
    text: '',
    exceptions: [],
    certSerial: '4a',
    signingTime: '2026-11-21T08:00:00.000Z',
    receivedAt: null,
    status: 'pending',
    code: null,
    message: '',
    supersedes: null,
    supersededBy: null,
    ...overrides,
  };
}

const ok = (value: unknown) => ({ ok: true, value });

function withBallot(user = MEMBER, mine: OpinionView[] = []): FakeBridge {
  const bridge = createFakeBridge({}, { user });
  const view = (): BallotView => ({
    ballot: BALLOT,
    documents: [{ ...BALLOT.documents[0]!, title: 'Dự thảo Nghị định', meetingId: uuid(1) }],
    myOpinion: mine[0] ?? null,
  });
  bridge.override('ballots:list', () => ok({ ballots: [view()] }));
  bridge.override('ballots:get', () => ok(view()));
  bridge.override('opinions:list', () => ok({ ballotId: BALLOT.id, opinions: mine }));
  return bridge;
}

describe('written opinions', () => {
  it('lists ballots as tasks with the deadline in vi-VN', async () => {
    renderApp(withBallot(), '#/ballots');
    const item = await screen.findByTestId('ballot-item');
    expect(item.textContent).toContain(BALLOT.question);
    const deadline = formatDateTime(Date.parse(BALLOT.deadline), 'vi');
    expect(deadline).toMatch(/^\d{2}:\d{2} 25\/11\/2026$/);
    expect(item.textContent).toContain(`Hạn trả lời: ${deadline}`);
    expect(within(item).getByTestId('ballot-my-state').textContent).toBe('Cần trả lời');
  });

  it('answers Other opinion with an excepted article, reviews, and signs with the password', async () => {
    const bridge = withBallot();
    let signed: unknown = null;
    bridge.override('opinions:sign', (input) => {
      signed = input;
      return ok(opinion({ choice: 'other', text: 'Cần làm rõ' }));
    });
    renderApp(bridge, `#/ballots/${BALLOT.id}`);
    await screen.findByTestId('answer-form');
    expect(screen.getByTestId('ballot-documents').textContent).toContain('phiên bản 2');
    fireEvent.click(screen.getByTestId('answer-choice-other'));
    // "Other opinion" needs its text: review is refused until it has one.
    fireEvent.click(screen.getByTestId('answer-review-button'));
    expect(screen.queryByTestId('answer-review')).toBeNull();
    fireEvent.change(screen.getByTestId('answer-text'), { target: { value: 'Cần làm rõ' } });
    fireEvent.click(screen.getByTestId('exception-add'));
    fireEvent.change(screen.getByTestId('exception-article'), { target: { value: 'Điều 5' } });
    fireEvent.click(screen.getByTestId('answer-review-button'));
    const review = await screen.findByTestId('answer-review');
    expect(within(review).getByTestId('review-choice').textContent).toBe('Ý kiến khác');
    expect(review.textContent).toContain('Điều 5');
    fireEvent.change(screen.getByTestId('answer-password'), { target: { value: 'mật khẩu' } });
    fireEvent.click(screen.getByTestId('answer-sign'));
    await waitFor(() => expect(signed).not.toBeNull());
    expect(signed).toEqual({
      ballotId: BALLOT.id,
      choice: 'other',
      text: 'Cần làm rõ',
      exceptions: [{ article: 'Điều 5', note: '' }],
      password: 'mật khẩu',
    });
  });

  it('shows a wrong certificate password in words and keeps the review open', async () => {
    const bridge = withBallot();
    bridge.override('opinions:sign', () => ({
      ok: false,
      error: { code: 'PKCS12_WRONG_PASSWORD', message: '' },
    }));
    renderApp(bridge, `#/ballots/${BALLOT.id}`);
    await screen.findByTestId('answer-form');
    fireEvent.click(screen.getByTestId('answer-choice-agree'));
    fireEvent.click(screen.getByTestId('answer-review-button'));
    fireEvent.click(await screen.findByTestId('answer-sign'));
    expect((await screen.findByTestId('answer-error')).textContent).toBe(
      'Mật khẩu chứng thư số không đúng.',
    );
    expect(screen.getByTestId('answer-review')).toBeTruthy();
  });

  it('shows the receipt of a verified opinion and the reason of a refused one', async () => {
    const verified = opinion({ status: 'verified', receivedAt: '2026-11-21T09:15:00.000Z' });
    const refused = opinion({
      id: uuid(711),
      status: 'rejected',
      code: 'STALE_DOCUMENTS',
      receivedAt: '2026-11-21T09:00:00.000Z',
    });
    renderApp(withBallot(MEMBER, [verified, refused]), `#/ballots/${BALLOT.id}`);
    const statuses = await screen.findAllByTestId('opinion-status');
    const received = formatDateTime(Date.parse('2026-11-21T09:15:00.000Z'), 'vi');
    expect(statuses[0]?.textContent).toContain(`máy chủ nhận lúc ${received}`);
    expect(within(statuses[1]!).getByTestId('opinion-reason').getAttribute('data-code')).toBe(
      'STALE_DOCUMENTS',
    );
    expect(statuses[1]?.textContent).toContain('dự thảo đã được thay bằng phiên bản mới');
  });

  it('gives the secretariat the follow-up table with counts', async () => {
    const bridge = withBallot(SECRETARIAT);
    const table: BallotStatusResponse = {
      ballot: { ...BALLOT, eligibleMemberIds: [MEMBER.id, uuid(902)] },
      members: [
        {
          memberId: MEMBER.id,
          displayName: MEMBER.displayName,
          state: 'verified',
          choice: 'agree',
          opinion: null,
        },
        {
          memberId: uuid(902),
          displayName: 'Lê Văn Cường',
          state: 'not_answered',
          choice: null,
          opinion: null,
        },
      ],
      result: {
        agree: 1,
        disagree: 0,
        other: 0,
        notAnswered: 1,
        rejected: 0,
        eligible: 2,
        outcome: 'failed',
        decidedByChair: false,
      },
    };
    bridge.override('ballots:followUp', () => ok(table));
    renderApp(bridge, `#/ballots/${BALLOT.id}`);
    const followUp = await screen.findByTestId('follow-up');
    expect(screen.queryByTestId('answer-form')).toBeNull();
    expect(
      within(followUp)
        .getAllByTestId('follow-up-row')
        .map((r) => r.getAttribute('data-state')),
    ).toEqual(['verified', 'not_answered']);
    expect(within(followUp).getByTestId('follow-up-counts').textContent).toContain('Đồng ý 1');
    expect(within(followUp).getByTestId('follow-up-counts').textContent).toContain(
      'Chưa trả lời 1',
    );
  });

  it('imports a certificate in Settings: file → base64, password; errors in words', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    bridge.override('certificates:get', () => ok({ certificate: null }));
    const inputs: unknown[] = [];
    bridge.override('certificates:import', (input) => {
      inputs.push(input);
      return inputs.length === 1
        ? { ok: false, error: { code: 'PKCS12_TAMPERED', message: '' } }
        : ok({
            serial: '4a',
            subject: 'CN=Nguyễn Văn An',
            issuer: 'CN=CA',
            notAfter: '2027-01-01T00:00:00.000Z',
            sha256: sha(1),
          });
    });
    renderApp(bridge, '#/settings');
    const section = await screen.findByTestId('certificate-import');
    const file = new File([new Uint8Array([1, 2, 3, 250])], 'me.p12');
    fireEvent.change(within(section).getByTestId('certificate-file'), {
      target: { files: [file] },
    });
    fireEvent.change(within(section).getByTestId('certificate-password'), {
      target: { value: 'pw' },
    });
    fireEvent.click(within(section).getByTestId('certificate-submit'));
    expect((await within(section).findByTestId('certificate-error')).textContent).toBe(
      'Tệp chứng thư số đã bị thay đổi, không thể tin cậy.',
    );
    expect(inputs[0]).toEqual({ pkcs12Base64: 'AQID+g==', password: 'pw' });
    fireEvent.change(within(section).getByTestId('certificate-password'), {
      target: { value: 'pw2' },
    });
    fireEvent.click(within(section).getByTestId('certificate-submit'));
    expect((await within(section).findByTestId('certificate-current')).textContent).toContain(
      'CN=Nguyễn Văn An',
    );
  });
});
