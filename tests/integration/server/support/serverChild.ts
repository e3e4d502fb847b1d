import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, stopChild } from '../../../support/childProcesses.ts';

/** server/src/main.ts: the CLI, configured from the environment like a deployment. */
const MAIN = join(import.meta.dirname, '..', '..', '..', '..', 'server', 'src', 'main.ts');

/** Longest wait for the child to log "server listening"; ms. */
const START_TIMEOUT_MS = 60_000;

export interface ServerChild {
  readonly url: string;
  readonly process: ChildProcess;
  /** Resolves with the signal (or exit code) once the process has gone. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
  /** Everything it wrote to stderr (JSON log lines). */
  output(): string;
  /** SIGTERM (a clean close), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export interface ServerChildOptions {
  dataDir: string;
  databaseUrl?: string;
  /** ECABINET_FAULT: the test-only fault plan (server/src/faults/faultPlan.ts). */
  fault?: string;
}

/**
 * Runs the server as a child process (`node server/src/main.ts`) on a free port and waits for
 * it to listen. The child gets a minimal environment: only what configures the server.
 */
export async function startServerChild(options: ServerChildOptions): Promise<ServerChild> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    SCRYPT_LOG_N: '10',
    LOG_LEVEL: 'info',
  };
  if (options.databaseUrl !== undefined) env['DATABASE_URL'] = options.databaseUrl;
  if (options.fault !== undefined) env['ECABINET_FAULT'] = options.fault;
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server child did not start: ${output}`));
    }, START_TIMEOUT_MS);
    const onData = (): void => {
      if (!output.includes('"message":"server listening"')) return;
      clearTimeout(timer);
      child.stderr.off('data', onData);
      resolve();
    };
    child.stderr.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server child exited (${String(how)}) before listening: ${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    exited,
    output: () => output,
    stop: () => stopChild(child, 'SIGTERM', 10_000),
  };
}
