import type { Stance } from '../domain/position.ts';

/** One member's stance on one agenda item (the fields of a Position this needs). */
export interface StanceEntry {
  agendaItemId: string;
  userId: string;
  stance: Stance;
}

/** How the members stand on one agenda item. Counts are of members (one position each). */
export interface PositionTally {
  agendaItemId: string;
  noObjection: number;
  wishToSpeak: number;
  object: number;
  /** Expected respondents who have given no position on this item. */
  noAnswer: number;
}

/**
 * Counts positions per agenda item, in the order of `itemIds`. Positions on items not listed
 * are ignored. Every position counts, also one from someone outside `respondents` (an objection
 * must never be lost because a participant list is stale); `noAnswer` is the number of
 * `respondents` without a position on the item. A user with several entries for one item
 * counts once, with the last entry. Pure and deterministic.
 */
export function tallyPositions(
  itemIds: readonly string[],
  positions: readonly StanceEntry[],
  respondents: readonly string[],
): PositionTally[] {
  const byItem = new Map<string, Map<string, Stance>>();
  for (const id of itemIds) byItem.set(id, new Map());
  for (const p of positions) byItem.get(p.agendaItemId)?.set(p.userId, p.stance);
  const expected = new Set(respondents);
  return itemIds.map((agendaItemId) => {
    const stances = byItem.get(agendaItemId) ?? new Map<string, Stance>();
    const tally: PositionTally = {
      agendaItemId,
      noObjection: 0,
      wishToSpeak: 0,
      object: 0,
      noAnswer: 0,
    };
    for (const stance of stances.values()) {
      if (stance === 'no_objection') tally.noObjection++;
      else if (stance === 'wish_to_speak') tally.wishToSpeak++;
      else tally.object++;
    }
    for (const userId of expected) if (!stances.has(userId)) tally.noAnswer++;
    return tally;
  });
}

/**
 * The consent list (domain.md workflow 2; the Estonian e-Cabinet practice): the items nobody
 * objects to and nobody wishes to speak on, adopted without debate. Silence counts as consent,
 * so an item nobody answered is on the list too; the secretariat sees `noAnswer` beside it.
 * Keeps the order of `tallies` (agenda order).
 */
export function consentList(tallies: readonly PositionTally[]): string[] {
  return tallies.filter((t) => t.object === 0 && t.wishToSpeak === 0).map((t) => t.agendaItemId);
}
