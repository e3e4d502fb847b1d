import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import vi from '../../renderer/i18n/vi.json';
import { meetingPositions } from './activityFixtures.ts';
import { MEMBER, meetingDetail } from './fixtures.ts';
import { SECRETARIAT, bridgeFor, firstItemId, itemEl, openMeeting } from './openMeeting.ts';

const DAY_MS = 86_400_000;
const STAMP = '2026-11-01T08:00:00.000Z';

function controlOf(itemId: string): HTMLElement {
  return within(itemEl(itemId)).getByTestId('position-control');
}

async function openWithPositions(
  options: { startsAt?: number; started?: boolean; note?: string } = {},
) {
  const detail = meetingDetail(1, options.startsAt ?? Date.now() + DAY_MS);
  const itemId = firstItemId(detail);
  const bridge = bridgeFor(detail, MEMBER);
  if (options.started !== undefined || options.note !== undefined)
    bridge.write.state.positions[detail.meeting.id] = meetingPositions(detail, {
      started: options.started ?? false,
      items:
        options.note === undefined
          ? {}
          : {
              [itemId]: { mine: { stance: 'no_objection', note: options.note, updatedAt: STAMP } },
            },
    });
  await openMeeting(detail, bridge);
  await waitFor(() =>
    expect(
      within(controlOf(itemId)).getByTestId('position-stance-object').hasAttribute('disabled'),
    ).toBe(options.started ?? false),
  );
  return { detail, itemId, bridge };
}

describe('position per agenda item', () => {
  it('offers the three stances on every item, none chosen at first', async () => {
    const { detail, itemId } = await openWithPositions();
    const controls = screen.getAllByTestId('position-control');
    expect(controls.map((c) => c.getAttribute('data-item-id'))).toEqual(
      detail.items.map((e) => e.item.id),
    );
    const control = controlOf(itemId);
    expect(control.getAttribute('data-stance')).toBe('none');
    expect(
      within(control).getByRole('button', { name: vi.positions.stance.no_objection }),
    ).toBeTruthy();
    expect(
      within(control).getByRole('button', { name: vi.positions.stance.wish_to_speak }),
    ).toBeTruthy();
    expect(within(control).getByRole('button', { name: vi.positions.stance.object })).toBeTruthy();
    expect(control.textContent).toContain(vi.positions.none);
  });

  it('saves a stance at once (pending), synced after the ack, and can change it', async () => {
    const { itemId, bridge } = await openWithPositions();
    fireEvent.click(within(controlOf(itemId)).getByTestId('position-stance-wish_to_speak'));
    await waitFor(() =>
      expect(controlOf(itemId).getAttribute('data-stance')).toBe('wish_to_speak'),
    );
    expect(controlOf(itemId).getAttribute('data-state')).toBe('pending');
    expect(controlOf(itemId).textContent).toContain(vi.activity.pending);
    expect(
      within(controlOf(itemId))
        .getByTestId('position-stance-wish_to_speak')
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(bridge.callsTo('positions:set')).toEqual([
      { agendaItemId: itemId, stance: 'wish_to_speak', note: '' },
    ]);

    act(() => bridge.write.ackAll());
    await waitFor(() => expect(controlOf(itemId).getAttribute('data-state')).toBe('synced'));

    fireEvent.click(within(controlOf(itemId)).getByTestId('position-stance-no_objection'));
    await waitFor(() => expect(controlOf(itemId).getAttribute('data-stance')).toBe('no_objection'));
  });

  it('saves an optional note with the stance', async () => {
    const { itemId, bridge } = await openWithPositions();
    const note = within(controlOf(itemId)).getByTestId('position-note');
    fireEvent.change(note, { target: { value: 'Cần làm rõ Điều 5' } });
    // Without a stance the note has nothing to go with yet.
    expect(controlOf(itemId).textContent).toContain(vi.positions.noteNeedsStance);
    fireEvent.click(within(controlOf(itemId)).getByTestId('position-stance-object'));
    await waitFor(() => expect(controlOf(itemId).getAttribute('data-stance')).toBe('object'));
    expect(bridge.callsTo('positions:set')).toEqual([
      { agendaItemId: itemId, stance: 'object', note: 'Cần làm rõ Điều 5' },
    ]);

    fireEvent.change(within(controlOf(itemId)).getByTestId('position-note'), {
      target: { value: 'Cần làm rõ Điều 5 và Điều 7' },
    });
    fireEvent.click(within(controlOf(itemId)).getByTestId('position-note-save'));
    await waitFor(() => expect(bridge.callsTo('positions:set')).toHaveLength(2));
    expect(bridge.callsTo('positions:set')[1]).toEqual({
      agendaItemId: itemId,
      stance: 'object',
      note: 'Cần làm rõ Điều 5 và Điều 7',
    });
  });

  it('is locked with the reason once the meeting has started', async () => {
    const { itemId, bridge } = await openWithPositions({ started: true, note: 'Đã gửi' });
    const control = controlOf(itemId);
    expect(control.getAttribute('data-started')).toBe('true');
    expect(control.getAttribute('data-stance')).toBe('no_objection');
    expect(within(control).getByTestId('position-locked').textContent).toBe(vi.positions.started);
    for (const button of within(control).getAllByRole('button', { pressed: false }))
      expect(button.hasAttribute('disabled')).toBe(true);
    expect(within(control).getByTestId('position-note').hasAttribute('disabled')).toBe(true);
    expect(within(control).queryByTestId('position-note-save')).toBeNull();
    fireEvent.click(within(control).getByTestId('position-stance-object'));
    await Promise.resolve();
    expect(bridge.callsTo('positions:set')).toEqual([]);
  });

  it('locks by itself when the start time passes while the screen is open', async () => {
    const { itemId } = await openWithPositions({ startsAt: Date.now() + 300 });
    expect(controlOf(itemId).getAttribute('data-started')).toBe('false');
    await waitFor(() => expect(controlOf(itemId).getAttribute('data-started')).toBe('true'), {
      timeout: 4000,
    });
    expect(within(controlOf(itemId)).getByTestId('position-locked')).toBeTruthy();
  });

  it('shows MEETING_STARTED from the core and locks', async () => {
    const { detail, itemId, bridge } = await openWithPositions({ started: false });
    bridge.override('positions:set', () => {
      const positions = bridge.write.state.positions[detail.meeting.id];
      if (positions)
        bridge.write.state.positions[detail.meeting.id] = { ...positions, started: true };
      return { ok: false, error: { code: 'MEETING_STARTED', message: '' } };
    });
    fireEvent.click(within(controlOf(itemId)).getByTestId('position-stance-object'));
    expect((await within(controlOf(itemId)).findByRole('alert')).textContent).toBe(
      vi.positions.failed.replace('{{reason}}', vi.errors.MEETING_STARTED),
    );
    await waitFor(() => expect(controlOf(itemId).getAttribute('data-started')).toBe('true'));
  });

  it('shows a refused position with its reason and the stance it had before', async () => {
    const { itemId, bridge } = await openWithPositions();
    fireEvent.click(within(controlOf(itemId)).getByTestId('position-stance-object'));
    await waitFor(() => expect(controlOf(itemId).getAttribute('data-state')).toBe('pending'));
    act(() => {
      bridge.write.reject({ position: itemId }, 'MEETING_STARTED');
    });
    await waitFor(() => expect(controlOf(itemId).getAttribute('data-state')).toBe('rejected'));
    expect(controlOf(itemId).getAttribute('data-stance')).toBe('none');
    expect(controlOf(itemId).textContent).toContain(vi.positions.rejectedLead);
    expect(controlOf(itemId).textContent).toContain(vi.rejection.code.MEETING_STARTED);
    fireEvent.click(within(controlOf(itemId)).getByTestId('rejection-dismiss'));
    await waitFor(() => expect(controlOf(itemId).getAttribute('data-state')).toBe('none'));
  });

  it('keeps a note being typed when a sync changes the saved one; follows it otherwise', async () => {
    const { detail, itemId, bridge } = await openWithPositions({ note: 'Bản cũ' });
    const note = () => within(controlOf(itemId)).getByTestId<HTMLTextAreaElement>('position-note');
    expect(note().value).toBe('Bản cũ');

    const serverNote = (text: string) => {
      bridge.write.state.positions[detail.meeting.id] = meetingPositions(detail, {
        items: { [itemId]: { mine: { stance: 'no_objection', note: text, updatedAt: STAMP } } },
      });
      act(() => bridge.emit('sync:applied', { entities: ['position'], cursor: 5 }));
    };

    // Not editing: the note follows the server.
    serverNote('Bản từ máy khác');
    await waitFor(() => expect(note().value).toBe('Bản từ máy khác'));

    // Editing: the draft stays.
    fireEvent.change(note(), { target: { value: 'Tôi đang gõ' } });
    const asked = bridge.callsTo('positions:get').length;
    serverNote('Bản mới hơn nữa');
    await waitFor(() => expect(bridge.callsTo('positions:get').length).toBeGreaterThan(asked));
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the answer render
    expect(note().value).toBe('Tôi đang gõ');
  });

  it('asks participants for a position, not the secretariat', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = bridgeFor(detail, SECRETARIAT);
    await openMeeting(detail, bridge);
    expect(screen.queryByTestId('position-control')).toBeNull();
  });
});
