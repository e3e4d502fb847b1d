import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../../electron/core/crypto/FieldCipher.ts';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import { openDatabase } from '../../../electron/core/store/openDatabase.ts';
import { ReplicaOwner } from '../../../electron/core/store/ReplicaOwner.ts';
import { ReplicaReader } from '../../../electron/core/store/ReplicaReader.ts';
import { applyChanges } from '../../../electron/core/sync/applyChanges.ts';
import {
  ChangeLog,
  makeDocument,
  makeMeeting,
  makeUser,
  makeVersion,
  meetingBundle,
} from '../../support/syncFixtures.ts';

let db: DatabaseSync;
let cipher: FieldCipher;
let reader: ReplicaReader;
let owner: ReplicaOwner;

const TABLES = [
  'users',
  'meetings',
  'agenda_items',
  'documents',
  'document_versions',
  'participants',
  'cached_blobs',
  'offline_meetings',
];
function dump(): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES)
    out[t] = db
      .prepare(`SELECT * FROM ${t} ORDER BY 1`)
      .all()
      .map((row) => ({ ...row, json: row['json'] ? '(sealed)' : undefined }));
  return out;
}
function count(table: string): number {
  return Number(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()?.['n']);
}

beforeEach(() => {
  db = openDatabase(':memory:');
  cipher = new FieldCipher(randomBytes(32));
  reader = new ReplicaReader(db, cipher, silentLogger);
  owner = new ReplicaOwner(db);
});

describe('applyChanges', () => {
  it('stores records (sealed) and the cursor together, and reads them back parsed', () => {
    const log = new ChangeLog();
    const user = makeUser();
    const b = meetingBundle(log, user);
    const result = applyChanges(db, cipher, b.changes, 42);
    expect(owner.cursor()).toBe(42);
    expect(result.entities).toEqual([
      'user',
      'meeting',
      'agendaItem',
      'document',
      'documentVersion',
      'participant',
    ]);
    expect(reader.meetings()).toEqual([b.meeting]);
    expect(reader.items(b.meeting.id)).toEqual([b.item]);
    expect(reader.documents(b.meeting.id)).toEqual(b.documents);
    expect(reader.currentVersions(b.meeting.id)).toHaveLength(2);
    expect(reader.participants(b.meeting.id)).toEqual([b.participant]);
    expect(reader.user(user.id)).toEqual(user);
    const raw = db.prepare('SELECT json FROM meetings').get()?.['json'] as Uint8Array;
    expect(Buffer.from(raw).includes(Buffer.from('Phiên họp'))).toBe(false);
  });

  it('is idempotent: applying the same page twice gives the same state', () => {
    const log = new ChangeLog();
    const b = meetingBundle(log, makeUser());
    applyChanges(db, cipher, b.changes, 9);
    const once = {
      state: dump(),
      meetings: reader.meetings(),
      docs: reader.documents(b.meeting.id),
    };
    applyChanges(db, cipher, b.changes, 9);
    expect({
      state: dump(),
      meetings: reader.meetings(),
      docs: reader.documents(b.meeting.id),
    }).toEqual(once);
  });

  it('an upsert replaces the whole record', () => {
    const log = new ChangeLog();
    const m = makeMeeting();
    applyChanges(db, cipher, [log.upsert('meeting', m)], 1);
    const renamed = { ...m, title: 'Phiên họp chuyên đề', kind: 'thematic' as const };
    applyChanges(db, cipher, [log.upsert('meeting', renamed)], 2);
    expect(reader.meetings()).toEqual([renamed]);
  });

  it('a delete of something unknown is a no-op (and still moves the cursor)', () => {
    const log = new ChangeLog();
    const b = meetingBundle(log, makeUser());
    applyChanges(db, cipher, b.changes, 5);
    const before = dump();
    const result = applyChanges(
      db,
      cipher,
      (
        ['meeting', 'document', 'documentVersion', 'agendaItem', 'participant', 'user'] as const
      ).map((e) => log.delete(e, crypto.randomUUID())),
      11,
    );
    expect(dump()).toEqual(before);
    expect(result.releasedBlobs).toEqual([]);
    expect(owner.cursor()).toBe(11);
  });

  it('a meeting tombstone erases its items, documents, versions, participants and cache rows', () => {
    const log = new ChangeLog();
    const user = makeUser();
    const a = meetingBundle(log, user);
    const b = meetingBundle(log, user, [Buffer.from('other paper')]);
    applyChanges(db, cipher, [...a.changes, ...b.changes], 20);
    for (const v of [...a.versions, ...b.versions])
      db.prepare('INSERT INTO cached_blobs VALUES (?, ?, 0)').run(v.sha256, v.size);
    db.prepare('INSERT INTO offline_meetings VALUES (?, 0)').run(a.meeting.id);

    const result = applyChanges(db, cipher, [log.delete('meeting', a.meeting.id)], 21);
    expect(result.releasedBlobs.sort()).toEqual(a.versions.map((v) => v.sha256).sort());
    expect(reader.meetings()).toEqual([b.meeting]);
    for (const t of ['agenda_items', 'documents', 'document_versions', 'participants']) {
      expect(
        Number(
          db.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE meeting_id = ?`).get(a.meeting.id)?.[
            'n'
          ],
        ),
      ).toBe(0);
    }
    expect(count('offline_meetings')).toBe(0);
    expect(
      db
        .prepare('SELECT sha256 FROM cached_blobs')
        .all()
        .map((r) => r['sha256']),
    ).toEqual(b.versions.map((v) => v.sha256));
    expect(reader.user(user.id)).toEqual(user); // users are deleted only by their own tombstone
  });

  it('keeps a blob another meeting still references (content-addressed)', () => {
    const log = new ChangeLog();
    const shared = Buffer.from('the same PDF in two meetings');
    const a = meetingBundle(log, makeUser(), [shared]);
    const b = meetingBundle(log, makeUser(), [shared]);
    applyChanges(db, cipher, [...a.changes, ...b.changes], 30);
    db.prepare('INSERT INTO cached_blobs VALUES (?, ?, 0)').run(
      a.versions[0]?.sha256 ?? '',
      shared.length,
    );
    const result = applyChanges(db, cipher, [log.delete('meeting', a.meeting.id)], 31);
    expect(result.releasedBlobs).toEqual([]);
    expect(count('cached_blobs')).toBe(1);
    applyChanges(db, cipher, [log.delete('meeting', b.meeting.id)], 32);
    expect(count('cached_blobs')).toBe(0);
  });

  it('document and version tombstones release their blobs', () => {
    const log = new ChangeLog();
    const b = meetingBundle(log, makeUser());
    applyChanges(db, cipher, b.changes, 10);
    const [d0, d1] = b.documents;
    const [v0, v1] = b.versions;
    if (!d0 || !d1 || !v0 || !v1) throw new Error('fixture');
    expect(applyChanges(db, cipher, [log.delete('document', d0.id)], 11).releasedBlobs).toEqual([
      v0.sha256,
    ]);
    expect(reader.document(d0.id)).toBeNull();
    expect(
      applyChanges(db, cipher, [log.delete('documentVersion', v1.id)], 12).releasedBlobs,
    ).toEqual([v1.sha256]);
    expect(reader.document(d1.id)).not.toBeNull();
    expect(reader.version(d1.id, 1)).toBeNull();
  });

  it('handles a version that arrives before its document', () => {
    const log = new ChangeLog();
    const m = makeMeeting();
    const d = makeDocument(m.id, null, 1);
    const v = makeVersion(d, Buffer.from('x'));
    applyChanges(db, cipher, [log.upsert('documentVersion', v)], 1);
    applyChanges(db, cipher, [log.upsert('meeting', m), log.upsert('document', d)], 2);
    expect(reader.currentVersions(m.id)).toEqual([v]);
  });

  it('rolls back the whole page and keeps the cursor when applying fails half-way', () => {
    const log = new ChangeLog();
    const b = meetingBundle(log, makeUser());
    applyChanges(db, cipher, b.changes.slice(0, 2), 2);
    const before = dump();
    const broken = {
      ...log.upsert('meeting', makeMeeting()),
      data: {
        get id(): string {
          throw new Error('boom');
        },
      },
    } as never;
    expect(() => applyChanges(db, cipher, [...b.changes.slice(2), broken], 99)).toThrow('boom');
    expect(dump()).toEqual(before);
    expect(owner.cursor()).toBe(2);
    expect(db.isTransaction).toBe(false);
  });

  it('skips a stored row that was tampered with or moved, instead of failing', () => {
    const log = new ChangeLog();
    const m1 = makeMeeting();
    const m2 = makeMeeting({ startsAt: '2026-12-01T09:00:00.000Z' });
    applyChanges(db, cipher, [log.upsert('meeting', m1), log.upsert('meeting', m2)], 2);
    expect(reader.meetings().map((m) => m.id)).toEqual([m2.id, m1.id]); // newest first
    const sealed = db.prepare('SELECT json FROM meetings WHERE id = ?').get(m2.id)?.[
      'json'
    ] as Uint8Array;
    db.prepare('UPDATE meetings SET json = ? WHERE id = ?').run(sealed, m1.id); // moved to another row
    expect(reader.meetings()).toEqual([m2]);
  });
});
