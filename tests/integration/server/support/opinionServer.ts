import { afterAll, beforeAll } from 'vitest';
import type { StartServerOptions } from '../../../../server/src/startServer.ts';
import { startHarness, type Harness, type Session } from './harness.ts';
import {
  createOpinionPki,
  insertDocument,
  openDevice,
  type Device,
  type OpinionPki,
} from './opinionFixture.ts';
import { createWriteMeeting, type WriteMeeting } from './writeFixture.ts';

/** A database the suite runs on (PGlite or Postgres), stopped after it. */
export type SuiteDatabase = () => Promise<{ options: StartServerOptions; stop(): Promise<void> }>;

/** A server trusting a fresh dev PKI, with a meeting of three members, a draft in it, an admin,
 * and each member's device connected. */
export interface OpinionServer {
  h: Harness;
  pki: OpinionPki;
  meeting: WriteMeeting;
  staff: Session;
  admin: Session;
  docId: string;
  devices: Device[];
  /** Disconnects the devices, stops the server and the database, removes the PKI. */
  close(): Promise<void>;
}

/** Starts an OpinionServer on `database`; on failure, whatever was started is stopped. */
export async function startOpinionServer(
  database: SuiteDatabase,
  options: StartServerOptions = {},
): Promise<OpinionServer> {
  const pki = await createOpinionPki();
  let stopDatabase: (() => Promise<void>) | undefined;
  let h: Harness | undefined;
  let devices: Device[] = [];
  const close = async (): Promise<void> => {
    for (const d of devices) d.socket.disconnect();
    await h?.close();
    await stopDatabase?.();
    await pki.remove();
  };
  try {
    const db = await database();
    stopDatabase = db.stop;
    const harness = await startHarness({ ...db.options, ...options, trustDir: pki.dir });
    h = harness;
    const meeting = await createWriteMeeting(harness, { people: [{}, {}, {}] });
    const docId = await insertDocument(harness, meeting.meetingId);
    const admin = await harness.login(await harness.createAccount('admin'));
    devices = await Promise.all(meeting.people.map((p) => openDevice(harness, p)));
    return { h: harness, pki, meeting, staff: meeting.staff, admin, docId, devices, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Registers, in the calling `describe`, the hooks that start an OpinionServer on `database`
 * (then run `prepare` on it) and close it. The returned object's fields are set by `beforeAll`.
 */
export function useOpinionServer(
  database: SuiteDatabase,
  options: StartServerOptions,
  prepare: (o: OpinionServer) => Promise<void>,
): OpinionServer {
  const shared = {} as OpinionServer;
  let started: OpinionServer | undefined;
  beforeAll(async () => {
    started = await startOpinionServer(database, options);
    Object.assign(shared, started);
    await prepare(shared);
  }, 120_000);
  afterAll(() => started?.close());
  return shared;
}
