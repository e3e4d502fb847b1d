import { describe, expect, it } from 'vitest';
import { consentList, tallyPositions } from '../../../shared/rules/consent.ts';

const items = ['i1', 'i2', 'i3', 'i4'];
const members = ['a', 'b', 'c'];

describe('tallyPositions and consentList', () => {
  it('counts stances per item in agenda order, with the members who gave none', () => {
    const tallies = tallyPositions(
      items,
      [
        { agendaItemId: 'i1', userId: 'a', stance: 'no_objection' },
        { agendaItemId: 'i1', userId: 'b', stance: 'no_objection' },
        { agendaItemId: 'i2', userId: 'a', stance: 'object' },
        { agendaItemId: 'i3', userId: 'c', stance: 'wish_to_speak' },
        { agendaItemId: 'elsewhere', userId: 'a', stance: 'object' },
      ],
      members,
    );
    expect(tallies).toEqual([
      { agendaItemId: 'i1', noObjection: 2, wishToSpeak: 0, object: 0, noAnswer: 1 },
      { agendaItemId: 'i2', noObjection: 0, wishToSpeak: 0, object: 1, noAnswer: 2 },
      { agendaItemId: 'i3', noObjection: 0, wishToSpeak: 1, object: 0, noAnswer: 2 },
      { agendaItemId: 'i4', noObjection: 0, wishToSpeak: 0, object: 0, noAnswer: 3 },
    ]);
    // Nobody objects to or wishes to speak on i1 and i4 (silence is consent).
    expect(consentList(tallies)).toEqual(['i1', 'i4']);
  });

  it('keeps an objection from someone outside the respondents, and counts a member once (last entry)', () => {
    const tallies = tallyPositions(
      ['i1'],
      [
        { agendaItemId: 'i1', userId: 'a', stance: 'object' },
        { agendaItemId: 'i1', userId: 'a', stance: 'no_objection' },
        { agendaItemId: 'i1', userId: 'guest', stance: 'object' },
      ],
      members,
    );
    expect(tallies[0]).toEqual({
      agendaItemId: 'i1',
      noObjection: 1,
      wishToSpeak: 0,
      object: 1,
      noAnswer: 2,
    });
    expect(consentList(tallies)).toEqual([]);
  });

  it('an empty agenda has an empty consent list', () => {
    expect(consentList(tallyPositions([], [], members))).toEqual([]);
  });
});
