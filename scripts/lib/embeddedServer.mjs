// The reference sync server (server/src/main.ts) as a child process of `npm start`, with the
// demo data seeded on its first start. Steps of `startEmbeddedServer`:
//   1. pick the port: the preferred one (8787) when free, else any free port; with the demo,
//      make the development PKI under DATA_DIR/pki once (`npm run pki:dev`; reused after);
//   2. spawn `node server/src/main.ts` (PGlite in DATA_DIR, loopback only, SEED_DEMO, and
//      TRUST_DIR = the demo PKI: the server binds each demo member's certificate and opens the
//      demo ballot, see server/seed/seedDemoSigning.ts);
//   3. wait for its "server listening" log line, then for GET /api/health to answer ok;
//   4. hand back its URL and a `stop()` that ends it (SIGTERM, then SIGKILL after a grace period).
/* global fetch, AbortSignal */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { projectNode, repoRoot } from './projectNode.mjs';

/** The port `npm run server` uses too, so a URL stored by an earlier start keeps working. */
export const EMBEDDED_SERVER_PORT = 8787;

/** Where `npm start` keeps the embedded server's database and blobs. */
export const EMBEDDED_SERVER_DATA_DIR = resolve(repoRoot, '.data', 'server');

/**
 * The password of every demo account (server/seed/buildDemoData.ts `DEMO_PASSWORD`) and the
 * accounts worth trying first (server/seed/demo/governmentRoster.ts). Demo only.
 * tests/unit/embeddedServer.test.ts keeps these in step with the seed.
 */
export const DEMO_PASSWORD = 'ecabinet-demo';
export const DEMO_LOGINS = [
  { username: 'bt.taichinh', role: 'member', who: 'Bộ trưởng Bộ Tài chính' },
  { username: 'vpcp.thuky', role: 'secretariat', who: 'Thư ký phiên họp, Văn phòng Chính phủ' },
  { username: 'admin', role: 'admin', who: 'Quản trị hệ thống' },
];

/**
 * The password of the demo's PKCS#12 files (the same as the accounts', to keep one to remember).
 * Development certificates only: never for real signatures.
 */
export const DEMO_P12_PASSWORD = DEMO_PASSWORD;

/** Where the demo's development PKI lives: inside the server's data directory (never committed). */
export function demoPkiDir(dataDir) {
  return join(dataDir, 'pki');
}

/** How long making the dev PKI may take (RSA keys for ~25 members); ms. */
const PKI_TIMEOUT_MS = 120_000;

/** The demo PKI as the manifest describes it: `{ dir, membersDir, password, created, members }`. */
function describeDemoPki(dir, created) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const members = (Array.isArray(manifest.members) ? manifest.members : []).map((m) => ({
    username: typeof m.username === 'string' ? m.username : null,
    name: String(m.name),
    p12: join(dir, String(m.p12)),
  }));
  return {
    dir,
    membersDir: join(dir, 'members'),
    password: String(manifest.p12Password),
    created,
    members,
  };
}

/**
 * The demo's development PKI under `dataDir`/pki: made once with `server/pki/main.ts` (a CA, a
 * certificate and PKCS#12 file per demo member, a CRL), reused when its manifest is there (the
 * manifest is written last, so a half-written PKI is made again).
 */
export async function ensureDemoPki({ dataDir, root = repoRoot, log = () => {} }) {
  const dir = demoPkiDir(dataDir);
  if (existsSync(join(dir, 'manifest.json'))) return describeDemoPki(dir, false);
  log('Creating the development certificates for the demo (once, a few seconds)…');
  const child = spawn(
    projectNode(root),
    [
      join(root, 'server', 'pki', 'main.ts'),
      '--dir',
      dir,
      '--password',
      DEMO_P12_PASSWORD,
      '--force',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), PKI_TIMEOUT_MS);
  const code = await new Promise((done) => {
    child.once('error', (error) => {
      output += error.message;
      done(null);
    });
    child.once('exit', (exitCode) => done(exitCode));
  });
  clearTimeout(killer);
  if (code !== 0)
    throw new Error(`the demo PKI could not be created:
${output.trim()}`);
  return describeDemoPki(dir, true);
}

/** Log message of server/src/startServer.ts once it accepts connections. */
const LISTENING_MESSAGE = 'server listening';
/** How long the first start may take (migrations plus seeding ~20 PDFs); ms. */
const DEFAULT_START_TIMEOUT_MS = 180_000;
/** Between two health checks; ms. */
const HEALTH_POLL_MS = 200;
/** How long `stop()` waits after SIGTERM before SIGKILL; ms. */
const STOP_GRACE_MS = 10_000;
/** Log lines kept to explain a failed start. */
const KEPT_LINES = 30;

/** True when nothing listens on 127.0.0.1:`port`. */
export function portIsFree(port) {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort(true)));
  });
}

/** Resolves true once GET `url`/api/health answers `{ ok: true }`, false at `deadline` (epoch ms). */
export async function waitForHealth(url, deadline, isDead = () => false) {
  while (Date.now() < deadline && !isDead()) {
    try {
      const response = await fetch(new URL('/api/health', url), {
        signal: AbortSignal.timeout(2_000),
      });
      const body = await response.json();
      if (response.ok && body?.ok === true) return true;
    } catch {
      // Not answering yet.
    }
    await new Promise((wake) => setTimeout(wake, HEALTH_POLL_MS));
  }
  return false;
}

/** One server log line (JSON) as an object, or null. */
function parseLogLine(line) {
  try {
    const entry = JSON.parse(line);
    return entry !== null && typeof entry === 'object' ? entry : null;
  } catch {
    return null;
  }
}

/** A log entry as one readable line: "message key=value …" without the time and scope. */
function describeEntry(entry) {
  const { t: _t, level: _level, scope: _scope, message, ...fields } = entry;
  const details = Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return details === '' ? String(message) : `${String(message)} ${details}`;
}

/**
 * Starts the reference server as a child process and resolves once it is healthy:
 * `{ url, port, portFallback, firstStart, pki, stop(), exited }`. Rejects (with the server's last
 * log lines in the message) when it exits or does not become healthy in time; nothing is
 * left running then.
 * - `dataDir`: PGlite database and blobs (created on first start);
 * - `port`: preferred port (0 = any free port); when taken, any free port is used instead;
 * - `seedDemo`: write the demo data into an empty database (default true);
 * - `demoSigning`: with the demo, make the dev PKI (once), trust it, bind the demo members'
 *   certificates and open the demo ballot (default: as `seedDemo`); `pki` in the result;
 * - `log(line)`: progress and the server's warnings and errors, one line each;
 * - `onUnexpectedExit(code, signal)`: the server stopped by itself after it was ready.
 */
export async function startEmbeddedServer({
  dataDir = EMBEDDED_SERVER_DATA_DIR,
  port = EMBEDDED_SERVER_PORT,
  seedDemo = true,
  demoSigning = seedDemo,
  startTimeoutMs = DEFAULT_START_TIMEOUT_MS,
  log = (line) => console.log(line),
  onUnexpectedExit = () => {},
  root = repoRoot,
} = {}) {
  // 1. The port.
  const portFallback = port !== 0 && !(await portIsFree(port));
  const listenPort = portFallback ? 0 : port;
  const firstStart = !existsSync(join(dataDir, 'db'));
  if (firstStart && seedDemo)
    log('First start: creating the database and seeding the demo data (takes a few seconds)…');
  const pki = seedDemo && demoSigning ? await ensureDemoPki({ dataDir, root, log }) : null;

  // 2. The child. DATABASE_URL and REDIS_URL are cleared: the embedded server is PGlite only.
  const child = spawn(projectNode(root), [join(root, 'server', 'src', 'main.ts')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(listenPort),
      HOST: '127.0.0.1',
      SEED_DEMO: seedDemo ? 'true' : 'false',
      DATABASE_URL: '',
      REDIS_URL: '',
      ...(pki === null ? {} : { TRUST_DIR: pki.dir }),
    },
  });
  const lines = [];
  let stopping = false;
  let ready = false;
  let exitStatus = null;
  const exited = new Promise((resolveExit) => {
    child.once('error', (error) => {
      lines.push(`spawn failed: ${error.message}`);
      exitStatus = { code: null, signal: null };
      resolveExit(null);
    });
    child.once('exit', (code, signal) => {
      exitStatus = { code, signal };
      resolveExit(code);
      if (ready && !stopping) onUnexpectedExit(code, signal);
    });
  });
  // A last resort if this process ends without calling stop() (an uncaught error).
  const killOnExit = () => {
    if (exitStatus === null) child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);

  // 3. Its log: the URL from the "listening" line; warnings and errors shown as they come.
  let resolveListening;
  const listening = new Promise((resolveUrl) => (resolveListening = resolveUrl));
  let buffered = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length > KEPT_LINES) lines.shift();
      const entry = parseLogLine(line);
      if (entry === null) log(`[server] ${line}`);
      else if (entry.message === LISTENING_MESSAGE && typeof entry.url === 'string')
        resolveListening(entry.url);
      else if (entry.message === 'demo data seeded')
        log(
          `Demo data seeded: ${entry.users} accounts, ${entry.meetings} meetings, ${entry.versions} papers.`,
        );
      else if (
        entry.message === 'demo signing ready' &&
        (entry.bound > 0 || entry.ballotCreated === true)
      )
        log(
          `Demo signing: ${entry.bound} certificates bound to the members' accounts${entry.ballotCreated ? ', one demo ballot opened' : ''}.`,
        );
      else if (entry.level === 'warn' || entry.level === 'error')
        log(`[server ${entry.level}] ${describeEntry(entry)}`);
    }
  });

  const stop = async () => {
    stopping = true;
    process.off('exit', killOnExit);
    if (exitStatus !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(killer);
  };
  const fail = async (reason) => {
    await stop();
    const tail = lines.length > 0 ? `\n${lines.join('\n')}` : '';
    throw new Error(`the embedded server did not start: ${reason}${tail}`);
  };

  let timer;
  const timedOut = new Promise((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout(null), startTimeoutMs);
  });
  const deadline = Date.now() + startTimeoutMs;
  const url = await Promise.race([listening, exited.then(() => null), timedOut]);
  clearTimeout(timer);
  if (url === null)
    return fail(
      exitStatus === null
        ? `no answer within ${Math.round(startTimeoutMs / 1000)} s`
        : `it exited (${exitStatus.signal ?? `code ${exitStatus.code}`})`,
    );
  if (!(await waitForHealth(url, deadline, () => exitStatus !== null)))
    return fail(`GET ${url}/api/health did not answer ok`);
  ready = true;
  return { url, port: Number(new URL(url).port), portFallback, firstStart, pki, stop, exited };
}
