import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, stopChild } from './childProcesses.ts';

/**
 * A throw-away PostgreSQL for integration tests: `initdb` in a temp dir, `postgres` listening
 * only on a unix socket in that dir (named after a free port number), fsync off; stopped and
 * deleted by `stop()`. Running as root (CI, containers), the server runs as the `postgres`
 * user, because initdb refuses root. Missing binaries FAIL with a clear message: CI installs
 * them, and a silently skipped suite would prove nothing.
 */
export interface PostgresInstance {
  /** Connection string of the `postgres` database (superuser `postgres`, no password). */
  readonly url: string;
  /** Creates a fresh database and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Longest wait for the server to accept connections; ms. */
const READY_TIMEOUT_MS = 30_000;

export function findPostgresBinDir(): string {
  const candidates: string[] = [];
  if (process.env['PG_BIN']) candidates.push(process.env['PG_BIN']);
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(debianRoot, v, 'bin'));
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim() !== '')
    candidates.push(join(which.stdout.trim(), '..'));
  for (const dir of candidates) {
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return dir;
  }
  throw new Error(
    'PostgreSQL binaries (initdb, postgres) not found. The server integration suite runs against a real PostgreSQL: ' +
      'install it (Debian/Ubuntu: apt-get install postgresql) or set PG_BIN to the directory holding initdb.',
  );
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** uid/gid of the `postgres` account, to run the server as when we are root. */
function postgresAccount(): { uid: number; gid: number } {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0)
    throw new Error('running as root but there is no `postgres` user to run PostgreSQL as');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function startPostgres(): Promise<PostgresInstance> {
  const bin = findPostgresBinDir();
  const dir = await mkdtemp(join(tmpdir(), 'ecabinet-pg-'));
  const dataDir = join(dir, 'data');
  // As root, both initdb and postgres run as the `postgres` account (spawned with its uid/gid,
  // so signals reach the server itself), in a directory it owns.
  const account: { uid?: number; gid?: number } = isRoot() ? postgresAccount() : {};
  if (account.uid !== undefined && account.gid !== undefined)
    await chown(dir, account.uid, account.gid);
  const spawnOptions = { ...account, cwd: dir };

  const initArgs = [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C',
  ];
  const init = spawnSync(join(bin, 'initdb'), initArgs, { ...spawnOptions, encoding: 'utf8' });
  if (init.status !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status}): ${init.stderr || init.stdout}`);
  }

  const port = await freePort();
  const settings = [
    'listen_addresses=',
    `unix_socket_directories=${dir}`,
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
    'max_connections=100',
  ];
  const args = ['-D', dataDir, '-p', String(port), ...settings.flatMap((s) => ['-c', s])];
  const child = spawn(join(bin, 'postgres'), args, {
    ...spawnOptions,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const urlFor = (database: string): string =>
    `postgresql://postgres@${encodeURIComponent(dir)}:${port}/${database}`;
  const url = urlFor('postgres');
  try {
    await waitUntilReady(url, child, () => output);
  } catch (error) {
    await stopChild(child, 'SIGINT', 10_000);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  let stopped: Promise<void> | null = null;
  return {
    url,
    createDatabase: async (name) => {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name ${name}`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`); // a checked identifier: no parameters for DDL
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    stop: () => {
      stopped ??= (async () => {
        await stopChild(child, 'SIGINT', 10_000);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`postgres exited with ${child.exitCode}: ${output()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not become ready: ${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
