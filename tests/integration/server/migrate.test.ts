import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR } from '../../../server/src/db/migrate.ts';
import { openDatabase, type OpenedDatabase } from '../../../server/src/db/openDatabase.ts';
import { silentLogger } from '../../../server/src/log.ts';

describe('migrate (PGlite)', () => {
  let dir: string;
  let migrations: string;
  let database: OpenedDatabase;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecabinet-migrate-'));
    migrations = join(dir, 'migrations');
    await cp(MIGRATIONS_DIR, migrations, { recursive: true });
    database = await openDatabase({ dataDir: dir, logger: silentLogger });
  });

  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies each committed file once, in order', async () => {
    const committed = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    expect(committed.slice(0, 2)).toEqual(['0001_initial.sql', '0002_write_path.sql']);
    expect(await migrate(database, silentLogger, migrations)).toEqual(committed);
    expect(await migrate(database, silentLogger, migrations)).toEqual([]);
    await writeFile(
      join(migrations, '9002_extra.sql'),
      'CREATE TABLE extra (id integer PRIMARY KEY);',
    );
    await writeFile(join(migrations, 'README.txt'), 'not a migration');
    expect(await migrate(database, silentLogger, migrations)).toEqual(['9002_extra.sql']);
  });

  it('rolls back a failing migration as a whole', async () => {
    await writeFile(
      join(migrations, '9003_broken.sql'),
      'CREATE TABLE half (id integer); SELECT no_such_function();',
    );
    await expect(migrate(database, silentLogger, migrations)).rejects.toThrow();
    const rows = await database.rawTransaction((s) => s.query("SELECT to_regclass('half') AS t"));
    expect(rows[0]?.['t']).toBeNull();
    await rm(join(migrations, '9003_broken.sql'));
  });

  it('refuses to start when an applied migration was edited', async () => {
    await writeFile(
      join(migrations, '9002_extra.sql'),
      'CREATE TABLE extra (id bigint PRIMARY KEY);',
    );
    await expect(migrate(database, silentLogger, migrations)).rejects.toThrow(
      /9002_extra.sql was edited/,
    );
  });
});
