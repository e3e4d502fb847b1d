import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EvidenceExportOutput } from '../../shared/domain/evidenceViews.ts';
import type { OpinionBallot } from '../../shared/domain/opinionBallot.ts';
import type { BallotView } from '../../shared/domain/opinionViews.ts';
import { deferred } from './deferred.ts';
import { createFakeBridge, type FakeBridge } from './fakeBridge.ts';
import { MEMBER, sha, uuid } from './fixtures.ts';
import { SECRETARIAT } from './openMeeting.ts';
import { renderApp } from './renderApp.tsx';

// The secretariat's "Export evidence" on a ballot: password, progress, typed errors, and the
// .zip handed to the browser (browser mode) or written by the desktop app.

const BALLOT: OpinionBallot = {
  id: uuid(740),
  meetingId: null,
  question: 'Dự thảo Nghị định',
  documents: [{ id: uuid(741), version: 1, sha256: sha(741) }],
  deadline: '2026-11-25T10:00:00.000Z',
  eligibleMemberIds: [MEMBER.id],
  ruleSetId: 'vn.cabinet.2015',
  status: 'open',
  createdAt: '2026-11-20T10:00:00.000Z',
};
const ok = (value: unknown) => ({ ok: true, value });
const OUTPUT: EvidenceExportOutput = {
  fileName: 'bang-chung-phieu-00000000-20261121T100000Z.zip',
  size: 4,
  sha256: sha(1),
  opinions: 3,
  path: null,
  base64: Buffer.from('PK\u0005\u0006').toString('base64'),
};

function bridgeFor(user: typeof MEMBER, host: 'web' | 'electron' = 'web'): FakeBridge {
  const bridge = createFakeBridge({}, { user });
  const view = (): BallotView => ({
    ballot: BALLOT,
    documents: [{ ...BALLOT.documents[0]!, title: 'Dự thảo', meetingId: uuid(1) }],
    myOpinion: null,
  });
  bridge.override('app:info', () => ok({ version: '1', host, platform: 'test' }));
  bridge.override('ballots:list', () => ok({ ballots: [view()] }));
  bridge.override('ballots:get', () => ok(view()));
  bridge.override('opinions:list', () => ok({ ballotId: BALLOT.id, opinions: [] }));
  bridge.override('ballots:followUp', () =>
    ok({
      ballot: BALLOT,
      members: [],
      result: {
        agree: 0,
        disagree: 0,
        other: 0,
        notAnswered: 1,
        rejected: 0,
        eligible: 1,
        outcome: 'failed',
        decidedByChair: false,
      },
    }),
  );
  return bridge;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('evidence export (secretariat)', () => {
  it('is not offered to a member', async () => {
    renderApp(bridgeFor(MEMBER), `#/ballots/${BALLOT.id}`);
    await screen.findByTestId('ballot-screen');
    await screen.findByText(BALLOT.question);
    expect(screen.queryByTestId('evidence-export')).toBeNull();
  });

  it('shows progress, then hands the .zip to the browser; the password is not kept', async () => {
    const bridge = bridgeFor(SECRETARIAT);
    const answer = deferred<unknown>();
    bridge.override('ballots:exportEvidence', () => answer.promise);
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:evidence';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderApp(bridge, `#/ballots/${BALLOT.id}`);
    const section = await screen.findByTestId('evidence-export');
    fireEvent.click(within(section).getByTestId('evidence-open'));
    fireEvent.change(within(section).getByTestId('evidence-password'), {
      target: { value: 'mật khẩu' },
    });
    fireEvent.click(within(section).getByTestId('evidence-submit'));
    await waitFor(() => expect(bridge.callsTo('ballots:exportEvidence')).toHaveLength(1));
    expect(bridge.callsTo('ballots:exportEvidence')[0]).toEqual({
      ballotId: BALLOT.id,
      password: 'mật khẩu',
      target: 'download',
    });
    bridge.emit('evidence:progress', { ballotId: BALLOT.id, step: 'sign', done: 3, total: 5 });
    const progress = await within(section).findByTestId('evidence-progress');
    expect(progress.getAttribute('data-step')).toBe('sign');
    expect(progress.textContent).toContain('Đang ký báo cáo');
    answer.resolve(ok(OUTPUT));
    const done = await within(section).findByTestId('evidence-done');
    expect(done.textContent).toContain(`Đã xuất 3 phiếu: ${OUTPUT.fileName}.`);
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(created).toHaveLength(1);
    expect(created[0]!.size).toBe(4);
    expect(within(section).getByTestId('evidence-download').getAttribute('download')).toBe(
      OUTPUT.fileName,
    );
    fireEvent.click(within(section).getByTestId('evidence-open'));
    expect(within(section).getByTestId<HTMLInputElement>('evidence-password').value).toBe('');
  });

  it('the desktop app writes the file and says where', async () => {
    const bridge = bridgeFor(SECRETARIAT, 'electron');
    bridge.override('ballots:exportEvidence', (input) => {
      expect(input).toMatchObject({ target: 'file' });
      return ok({ ...OUTPUT, base64: null, path: '/data/exports/x.zip' });
    });
    renderApp(bridge, `#/ballots/${BALLOT.id}`);
    const section = await screen.findByTestId('evidence-export');
    fireEvent.click(within(section).getByTestId('evidence-open'));
    fireEvent.click(within(section).getByTestId('evidence-submit'));
    expect((await within(section).findByTestId('evidence-done')).textContent).toContain(
      'Đã xuất 3 phiếu vào /data/exports/x.zip.',
    );
    expect(within(section).queryByTestId('evidence-download')).toBeNull();
  });

  it('says in words why an export failed (wrong certificate password)', async () => {
    const bridge = bridgeFor(SECRETARIAT);
    bridge.override('ballots:exportEvidence', () => ({
      ok: false,
      error: { code: 'PKCS12_WRONG_PASSWORD', message: '' },
    }));
    renderApp(bridge, `#/ballots/${BALLOT.id}`);
    const section = await screen.findByTestId('evidence-export');
    fireEvent.click(within(section).getByTestId('evidence-open'));
    fireEvent.click(within(section).getByTestId('evidence-submit'));
    const error = await within(section).findByTestId('evidence-error');
    expect(error.getAttribute('data-code')).toBe('PKCS12_WRONG_PASSWORD');
    expect(error.textContent).not.toBe('');
    expect(within(section).queryByTestId('evidence-done')).toBeNull();
  });
});
