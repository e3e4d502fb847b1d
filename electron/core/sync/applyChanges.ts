import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { ENTITIES, type Change, type Entity } from '../../../shared/protocol/changes.ts';
import type { FieldCipher } from '../crypto/FieldCipher.ts';
import { silentLogger, type Logger } from '../log/logger.ts';
import type { StoreContext } from '../outbox/overlay.ts';
import {
  eraseMeetingRecords,
  eraseServerRecord,
  storeServerRecord,
} from '../outbox/serverRecords.ts';
import { ENTITY_TABLES, recordContext } from '../store/replicaTables.ts';
import { immediate } from '../store/transaction.ts';
import { deleteOpinionBallot, upsertOpinionBallot } from './opinionBallotRows.ts';
import { deleteReminder, upsertReminder } from './reminderRows.ts';

export interface ApplyResult {
  /** Entities touched by the page (for `sync:applied`), in ENTITIES order. */
  entities: Entity[];
  /**
   * Blobs no document version references any more: their rows in `cached_blobs` are gone in
   * the same transaction; the caller deletes the files AFTER the commit (BlobCache.remove).
   * A crash in between leaves orphan files, which BlobCache.sweep removes at the next start.
   */
  releasedBlobs: string[];
  /** Meetings whose records were upserted (to top up offline downloads). */
  upsertedMeetings: string[];
}

/**
 * Applies one validated page of changes AND the new cursor in ONE transaction
 * (BEGIN IMMEDIATE … COMMIT): after a crash either both are stored or neither.
 * Idempotent: an upsert replaces the whole record; a delete of something unknown is a no-op;
 * re-applying a page gives the same state. Deleting a meeting (access withdrawn) erases its
 * agenda items, documents, versions, participants, votes, attendance, offline request, and the server's
 * records of its comments, positions and ballots too.
 *
 * Comments, positions and ballots may have local changes waiting in the outbox: the server's
 * record is stored underneath and the row's optimistic record is recomputed on top of it, so a
 * pending local change still wins in the views (outbox/serverRecords.ts).
 */
export function applyChanges(
  db: DatabaseSync,
  cipher: FieldCipher,
  changes: readonly Change[],
  cursor: number,
  log: Logger = silentLogger,
): ApplyResult {
  const s = statements(db);
  const ctx: StoreContext = { db, cipher, log };
  return immediate(db, () => {
    const entities = new Set<Entity>();
    const candidates = new Set<string>();
    const meetings = new Set<string>();
    const seal = (entity: Entity, id: string, data: unknown): Buffer =>
      cipher.seal(JSON.stringify(data), recordContext(ENTITY_TABLES[entity], id));
    const shasOf = (rows: Record<string, unknown>[]): void => {
      for (const row of rows) if (typeof row['sha256'] === 'string') candidates.add(row['sha256']);
    };

    for (const change of changes) {
      entities.add(change.entity);
      if (change.op === 'delete') {
        const id = change.id;
        switch (change.entity) {
          case 'meeting':
            shasOf(s.versionShasByMeeting.all(id));
            s.deleteVersionsByMeeting.run(id);
            s.deleteDocumentsByMeeting.run(id);
            s.deleteItemsByMeeting.run(id);
            s.deleteParticipantsByMeeting.run(id);
            s.deleteOfflineMeeting.run(id);
            s.deleteVotesByMeeting.run(id);
            s.deleteAttendance.run(id);
            eraseMeetingRecords(ctx, id);
            s.deleteMeeting.run(id);
            break;
          case 'document':
            shasOf(s.versionShasByDocument.all(id));
            s.deleteVersionsByDocument.run(id);
            s.deleteDocument.run(id);
            break;
          case 'documentVersion':
            shasOf(s.versionShaById.all(id));
            s.deleteVersion.run(id);
            break;
          case 'agendaItem':
            s.deleteItem.run(id);
            break;
          case 'participant':
            s.deleteParticipant.run(id);
            break;
          case 'user':
            s.deleteUser.run(id);
            break;
          case 'vote':
            s.deleteVote.run(id);
            break;
          case 'comment':
            eraseServerRecord(ctx, 'comments', id);
            break;
          case 'position':
            eraseServerRecord(ctx, 'positions', id);
            break;
          case 'ballot':
            eraseServerRecord(ctx, 'ballots', id);
            break;
          case 'annotation':
            eraseServerRecord(ctx, 'annotations', id);
            break;
          case 'annotationComment':
            eraseServerRecord(ctx, 'annotation_comments', id);
            break;
          case 'opinionBallot':
            deleteOpinionBallot(db, id);
            break;
          case 'opinion':
            eraseServerRecord(ctx, 'opinions', id);
            break;
          case 'reminder':
            deleteReminder(db, id);
            break;
          case 'attendance':
            s.deleteAttendance.run(id);
            break;
        }
        continue;
      }
      switch (change.entity) {
        case 'user':
          s.upsertUser.run(change.data.id, seal('user', change.data.id, change.data));
          break;
        case 'meeting':
          s.upsertMeeting.run(
            change.data.id,
            Date.parse(change.data.startsAt),
            seal('meeting', change.data.id, change.data),
          );
          meetings.add(change.data.id);
          break;
        case 'agendaItem': {
          const d = change.data;
          s.upsertItem.run(d.id, d.meetingId, d.position, seal('agendaItem', d.id, d));
          break;
        }
        case 'document': {
          const d = change.data;
          s.upsertDocument.run(
            d.id,
            d.meetingId,
            d.agendaItemId,
            d.position,
            d.currentVersion,
            seal('document', d.id, d),
          );
          meetings.add(d.meetingId);
          break;
        }
        case 'documentVersion': {
          const d = change.data;
          shasOf(s.versionShaById.all(d.id)); // a replaced row may have pointed at other bytes
          s.upsertVersion.run(
            d.id,
            d.documentId,
            d.meetingId,
            d.version,
            d.sha256,
            d.size,
            seal('documentVersion', d.id, d),
          );
          meetings.add(d.meetingId);
          break;
        }
        case 'participant': {
          const d = change.data;
          s.upsertParticipant.run(d.id, d.meetingId, d.userId, seal('participant', d.id, d));
          break;
        }
        case 'vote': {
          const d = change.data;
          s.upsertVote.run(d.id, d.meetingId, d.agendaItemId, seal('vote', d.id, d));
          break;
        }
        case 'comment':
          storeServerRecord(ctx, 'comments', change.data);
          break;
        case 'position':
          storeServerRecord(ctx, 'positions', change.data);
          break;
        case 'ballot':
          storeServerRecord(ctx, 'ballots', change.data);
          break;
        case 'annotation':
          storeServerRecord(ctx, 'annotations', change.data);
          break;
        case 'annotationComment':
          storeServerRecord(ctx, 'annotation_comments', change.data);
          break;
        case 'opinionBallot':
          upsertOpinionBallot(db, change.data, seal('opinionBallot', change.data.id, change.data));
          break;
        case 'opinion':
          storeServerRecord(ctx, 'opinions', change.data);
          break;
        case 'reminder':
          upsertReminder(db, change.data, seal('reminder', change.data.id, change.data));
          break;
        case 'attendance': {
          const d = change.data;
          s.upsertAttendance.run(d.id, d.meetingId, seal('attendance', d.id, d));
          break;
        }
      }
    }

    const releasedBlobs: string[] = [];
    for (const sha of candidates) {
      if (s.shaReferenced.get(sha)) continue;
      s.deleteCachedBlob.run(sha);
      releasedBlobs.push(sha);
    }
    s.setCursor.run(cursor);
    return {
      entities: ENTITIES.filter((e) => entities.has(e)),
      releasedBlobs,
      upsertedMeetings: [...meetings],
    };
  });
}

type Statements = Record<
  | 'versionShasByMeeting'
  | 'versionShasByDocument'
  | 'versionShaById'
  | 'deleteVersionsByMeeting'
  | 'deleteDocumentsByMeeting'
  | 'deleteItemsByMeeting'
  | 'deleteParticipantsByMeeting'
  | 'deleteOfflineMeeting'
  | 'deleteMeeting'
  | 'deleteVersionsByDocument'
  | 'deleteDocument'
  | 'deleteVersion'
  | 'deleteItem'
  | 'deleteParticipant'
  | 'deleteUser'
  | 'upsertUser'
  | 'upsertMeeting'
  | 'upsertItem'
  | 'upsertDocument'
  | 'upsertVersion'
  | 'upsertParticipant'
  | 'deleteVotesByMeeting'
  | 'deleteVote'
  | 'upsertVote'
  | 'deleteAttendance'
  | 'upsertAttendance'
  | 'shaReferenced'
  | 'deleteCachedBlob'
  | 'setCursor',
  StatementSync
>;

const cache = new WeakMap<DatabaseSync, Statements>();

/** Prepared once per connection: a page costs the same whatever the size of the replica. */
function statements(db: DatabaseSync): Statements {
  let s = cache.get(db);
  if (s) return s;
  const p = (sql: string): StatementSync => db.prepare(sql);
  s = {
    versionShasByMeeting: p('SELECT sha256 FROM document_versions WHERE meeting_id = ?'),
    versionShasByDocument: p('SELECT sha256 FROM document_versions WHERE document_id = ?'),
    versionShaById: p('SELECT sha256 FROM document_versions WHERE id = ?'),
    deleteVersionsByMeeting: p('DELETE FROM document_versions WHERE meeting_id = ?'),
    deleteDocumentsByMeeting: p('DELETE FROM documents WHERE meeting_id = ?'),
    deleteItemsByMeeting: p('DELETE FROM agenda_items WHERE meeting_id = ?'),
    deleteParticipantsByMeeting: p('DELETE FROM participants WHERE meeting_id = ?'),
    deleteOfflineMeeting: p('DELETE FROM offline_meetings WHERE meeting_id = ?'),
    deleteMeeting: p('DELETE FROM meetings WHERE id = ?'),
    deleteVersionsByDocument: p('DELETE FROM document_versions WHERE document_id = ?'),
    deleteDocument: p('DELETE FROM documents WHERE id = ?'),
    deleteVersion: p('DELETE FROM document_versions WHERE id = ?'),
    deleteItem: p('DELETE FROM agenda_items WHERE id = ?'),
    deleteParticipant: p('DELETE FROM participants WHERE id = ?'),
    deleteUser: p('DELETE FROM users WHERE id = ?'),
    upsertUser: p('INSERT OR REPLACE INTO users (id, json) VALUES (?, ?)'),
    upsertMeeting: p('INSERT OR REPLACE INTO meetings (id, starts_at, json) VALUES (?, ?, ?)'),
    upsertItem: p(
      'INSERT OR REPLACE INTO agenda_items (id, meeting_id, position, json) VALUES (?, ?, ?, ?)',
    ),
    upsertDocument: p(
      'INSERT OR REPLACE INTO documents (id, meeting_id, agenda_item_id, position, current_version, json) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    upsertVersion: p(
      'INSERT OR REPLACE INTO document_versions (id, document_id, meeting_id, version, sha256, size, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    upsertParticipant: p(
      'INSERT OR REPLACE INTO participants (id, meeting_id, user_id, json) VALUES (?, ?, ?, ?)',
    ),
    deleteVotesByMeeting: p('DELETE FROM votes WHERE meeting_id = ?'),
    deleteVote: p('DELETE FROM votes WHERE id = ?'),
    upsertVote: p(
      'INSERT OR REPLACE INTO votes (id, meeting_id, agenda_item_id, json) VALUES (?, ?, ?, ?)',
    ),
    // One attendance record per meeting, id = meeting id (shared/domain/attendance.ts).
    deleteAttendance: p('DELETE FROM attendance WHERE id = ?'),
    upsertAttendance: p(
      'INSERT OR REPLACE INTO attendance (id, meeting_id, json) VALUES (?, ?, ?)',
    ),
    shaReferenced: p('SELECT 1 AS found FROM document_versions WHERE sha256 = ? LIMIT 1'),
    deleteCachedBlob: p('DELETE FROM cached_blobs WHERE sha256 = ?'),
    setCursor: p('UPDATE sync_state SET cursor = ? WHERE id = 1'),
  };
  cache.set(db, s);
  return s;
}
