import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgendaItem } from '../../../shared/domain/meeting.ts';
import type { agendaItemInputSchema } from '../../../shared/protocol/admin.ts';
import type { Actor } from '../audit/auditLog.ts';
import { deleteChange, upsertChange } from '../changes/pendingChange.ts';
import { comments, positions, votes } from '../db/memberSchema.ts';
import { agendaItems, documents } from '../db/schema.ts';
import { positionId } from '../db/toMemberDomain.ts';
import { toAgendaItem, toDocument, type AgendaItemRow } from '../db/toDomain.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { lockMeeting } from './meetingAccess.ts';

type ItemInput = z.output<typeof agendaItemInputSchema>;

function sameItem(row: AgendaItemRow, input: ItemInput): boolean {
  return (
    row.position === input.position &&
    row.title === input.title &&
    row.presenter === input.presenter &&
    (row.startsAt?.getTime() ?? null) ===
      (input.startsAt === null ? null : Date.parse(input.startsAt)) &&
    row.durationMinutes === input.durationMinutes &&
    row.summary === input.summary
  );
}

/**
 * Replaces the meeting's agenda with `items` (ids and positions already checked unique).
 * Only what differs is written and logged, so sending the same agenda twice changes nothing.
 * Papers of a deleted item stay in the meeting, detached (agendaItemId null); its comments and
 * positions go with it (devices get their deletes). An item with a vote cannot be removed
 * (CONFLICT): a vote is a record of the meeting.
 */
export async function setAgenda(
  ctx: ServerContext,
  actor: Actor,
  meetingId: string,
  items: readonly ItemInput[],
): Promise<AgendaItem[]> {
  return writeTransaction(ctx, actor, async (w) => {
    await lockMeeting(w.tx, meetingId);
    const ids = items.map((i) => i.id);
    if (ids.length > 0) {
      const foreign = await w.tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(inArray(agendaItems.id, ids), ne(agendaItems.meetingId, meetingId)));
      if (foreign.length > 0)
        throw new ServerError('CONFLICT', 'an item id belongs to another meeting');
    }
    const existing = new Map(
      (await w.tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId))).map(
        (r) => [r.id, r],
      ),
    );

    const wanted = new Set(ids);
    const removed = [...existing.keys()].filter((id) => !wanted.has(id));
    if (removed.length > 0) {
      const voted = await w.tx
        .select({ id: votes.id })
        .from(votes)
        .where(inArray(votes.agendaItemId, removed))
        .limit(1);
      if (voted.length > 0)
        throw new ServerError('CONFLICT', 'an agenda item with a vote cannot be removed');
      const gone = await w.tx
        .delete(positions)
        .where(inArray(positions.agendaItemId, removed))
        .returning();
      for (const p of gone)
        w.change(
          deleteChange('position', positionId(p.agendaItemId, p.userId), meetingId, null, p.userId),
        );
      const dropped = await w.tx
        .delete(comments)
        .where(inArray(comments.agendaItemId, removed))
        .returning({ id: comments.id });
      for (const c of dropped) w.change(deleteChange('comment', c.id, meetingId));
      const detached = await w.tx
        .update(documents)
        .set({ agendaItemId: null, updatedAt: w.now })
        .where(inArray(documents.agendaItemId, removed))
        .returning();
      for (const doc of detached) {
        const wire = toDocument(doc);
        if (wire !== null) w.change(upsertChange('document', wire, meetingId));
      }
      await w.tx.delete(agendaItems).where(inArray(agendaItems.id, removed));
      for (const id of removed) w.change(deleteChange('agendaItem', id, meetingId));
    }

    let written = 0;
    for (const input of items) {
      const row = existing.get(input.id);
      if (row !== undefined && sameItem(row, input)) continue;
      const values = {
        position: input.position,
        title: input.title,
        presenter: input.presenter,
        startsAt: input.startsAt === null ? null : new Date(input.startsAt),
        durationMinutes: input.durationMinutes,
        summary: input.summary,
        updatedAt: w.now,
      };
      const [saved] =
        row === undefined
          ? await w.tx
              .insert(agendaItems)
              .values({ id: input.id, meetingId, ...values })
              .returning()
          : await w.tx
              .update(agendaItems)
              .set(values)
              .where(eq(agendaItems.id, input.id))
              .returning();
      if (saved === undefined) throw new Error('agenda write returned nothing');
      w.change(upsertChange('agendaItem', toAgendaItem(saved), meetingId));
      written += 1;
    }
    if (written > 0 || removed.length > 0)
      w.audit('meeting.set_agenda', meetingId, { written, removed: removed.length });

    const all = await w.tx
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position));
    return all.map(toAgendaItem);
  });
}
