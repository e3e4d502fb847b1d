import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { z } from 'zod';
import {
  agendaItemSchema,
  documentSchema,
  documentVersionSchema,
  meetingSchema,
  participantSchema,
} from '../../../shared/domain/meeting.ts';
import type {
  AgendaItem,
  Document,
  DocumentVersion,
  Meeting,
  Participant,
} from '../../../shared/domain/meeting.ts';
import { userSchema, type User } from '../../../shared/domain/user.ts';
import { voteSchema, type Vote } from '../../../shared/domain/vote.ts';
import { attendanceSchema, type Attendance } from '../../../shared/domain/attendance.ts';
import type { FieldCipher } from '../crypto/FieldCipher.ts';
import type { Logger } from '../log/logger.ts';
import { recordContext, type ReplicaTable } from './replicaTables.ts';

/**
 * Reads replica records back. A row is `unknown` until it has been decrypted (its AAD binds
 * it to its table and id) and parsed with the shared zod schema; a row that fails either is
 * logged and skipped, never returned and never fatal.
 */
export class ReplicaReader {
  private readonly db: DatabaseSync;
  private readonly cipher: FieldCipher;
  private readonly log: Logger;
  private readonly statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync, cipher: FieldCipher, log: Logger) {
    this.db = db;
    this.cipher = cipher;
    this.log = log;
  }

  /** All meetings, newest first (by start time). */
  meetings(): Meeting[] {
    return this.read(
      'meetings',
      meetingSchema,
      'SELECT id, json FROM meetings ORDER BY starts_at DESC, id',
    );
  }

  meeting(id: string): Meeting | null {
    return (
      this.read('meetings', meetingSchema, 'SELECT id, json FROM meetings WHERE id = ?', id)[0] ??
      null
    );
  }

  items(meetingId: string): AgendaItem[] {
    return this.read(
      'agenda_items',
      agendaItemSchema,
      'SELECT id, json FROM agenda_items WHERE meeting_id = ? ORDER BY position, id',
      meetingId,
    );
  }

  documents(meetingId: string): Document[] {
    return this.read(
      'documents',
      documentSchema,
      'SELECT id, json FROM documents WHERE meeting_id = ? ORDER BY position, id',
      meetingId,
    );
  }

  document(id: string): Document | null {
    return (
      this.read(
        'documents',
        documentSchema,
        'SELECT id, json FROM documents WHERE id = ?',
        id,
      )[0] ?? null
    );
  }

  /** The version row `version` of `documentId`, if it has synced. */
  version(documentId: string, version: number): DocumentVersion | null {
    return (
      this.read(
        'document_versions',
        documentVersionSchema,
        'SELECT id, json FROM document_versions WHERE document_id = ? AND version = ?',
        documentId,
        version,
      )[0] ?? null
    );
  }

  /** The current version of every document of the meeting (documents without a synced one are absent). */
  currentVersions(meetingId: string): DocumentVersion[] {
    return this.read(
      'document_versions',
      documentVersionSchema,
      `SELECT v.id, v.json FROM document_versions v JOIN documents d ON d.id = v.document_id AND d.current_version = v.version
       WHERE d.meeting_id = ?`,
      meetingId,
    );
  }

  participants(meetingId: string): Participant[] {
    return this.read(
      'participants',
      participantSchema,
      'SELECT id, json FROM participants WHERE meeting_id = ? ORDER BY id',
      meetingId,
    );
  }

  agendaItem(id: string): AgendaItem | null {
    return (
      this.read(
        'agenda_items',
        agendaItemSchema,
        'SELECT id, json FROM agenda_items WHERE id = ?',
        id,
      )[0] ?? null
    );
  }

  participant(id: string): Participant | null {
    return (
      this.read(
        'participants',
        participantSchema,
        'SELECT id, json FROM participants WHERE id = ?',
        id,
      )[0] ?? null
    );
  }

  /** The meeting's live votes (server records only: votes are never changed locally). */
  votes(meetingId: string): Vote[] {
    return this.read(
      'votes',
      voteSchema,
      'SELECT id, json FROM votes WHERE meeting_id = ? ORDER BY id',
      meetingId,
    );
  }

  vote(id: string): Vote | null {
    return this.read('votes', voteSchema, 'SELECT id, json FROM votes WHERE id = ?', id)[0] ?? null;
  }

  /** The meeting's roll call as the server last sent it; null before any was taken. */
  attendance(meetingId: string): Attendance | null {
    return (
      this.read(
        'attendance',
        attendanceSchema,
        'SELECT id, json FROM attendance WHERE id = ?',
        meetingId,
      )[0] ?? null
    );
  }

  user(id: string): User | null {
    return this.read('users', userSchema, 'SELECT id, json FROM users WHERE id = ?', id)[0] ?? null;
  }

  private read<S extends z.ZodType>(
    table: ReplicaTable,
    schema: S,
    sql: string,
    ...params: (string | number)[]
  ): z.output<S>[] {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    const out: z.output<S>[] = [];
    for (const row of statement.all(...params)) {
      const id = row['id'];
      const sealed = row['json'];
      if (typeof id !== 'string' || !(sealed instanceof Uint8Array)) continue;
      let value: unknown;
      try {
        value = JSON.parse(this.cipher.open(sealed, recordContext(table, id)));
      } catch {
        this.log.warn('replica row could not be opened; skipped', { table, id });
        continue;
      }
      const parsed = schema.safeParse(value);
      if (parsed.success && (parsed.data as { id?: unknown }).id === id) out.push(parsed.data);
      else this.log.warn('replica row failed validation; skipped', { table, id });
    }
    return out;
  }
}
