import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, migrate, schemaVersion } from '../../../electron/core/store/openDatabase.ts';
import { MIGRATIONS } from '../../../electron/core/store/migrations.ts';
import { immediate } from '../../../electron/core/store/transaction.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('uses WAL and synchronous=FULL, records migrations, and reopens without re-running them', () => {
    const db = openDatabase(dir);
    expect(db.prepare('PRAGMA journal_mode').get()?.['journal_mode']).toBe('wal');
    expect(db.prepare('PRAGMA synchronous').get()?.['synchronous']).toBe(2);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    db.prepare('UPDATE sync_state SET cursor = 7').run();
    db.close();
    const again = openDatabase(dir);
    expect(again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()?.['n']).toBe(
      MIGRATIONS.length,
    );
    expect(again.prepare('SELECT cursor FROM sync_state').get()?.['cursor']).toBe(7);
    again.close();
  });

  it('applies a later migration once, and refuses a store newer than the build', () => {
    const db = openDatabase(dir);
    const next = [...MIGRATIONS, { version: 99, sql: 'CREATE TABLE extra (x INTEGER)' }];
    expect(migrate(db, next)).toBe(99);
    expect(migrate(db, next)).toBe(99);
    expect(() => migrate(db, MIGRATIONS)).toThrow(/newer/);
    db.close();
  });

  it('a failing migration leaves the previous schema intact', () => {
    const db = openDatabase(dir);
    const bad = [
      ...MIGRATIONS,
      { version: 50, sql: 'CREATE TABLE half (x INTEGER); THIS IS NOT SQL' },
    ];
    expect(() => migrate(db, bad)).toThrow();
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(
      db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half'").get()?.['n'],
    ).toBe(0);
    db.close();
  });

  it('immediate() commits or rolls back as a whole', () => {
    const db = openDatabase(':memory:');
    immediate(db, () => db.prepare('UPDATE sync_state SET cursor = 3').run());
    expect(() =>
      immediate(db, () => {
        db.prepare('UPDATE sync_state SET cursor = 4').run();
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(db.prepare('SELECT cursor FROM sync_state').get()?.['cursor']).toBe(3);
    db.close();
  });
});
