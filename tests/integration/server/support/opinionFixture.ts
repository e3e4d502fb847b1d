import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket as ClientSocket } from 'socket.io-client';
import {
  importPkcs12,
  type SigningCredential,
} from '../../../../electron/core/signing/importPkcs12.ts';
import { createSignedOpinion } from '../../../../electron/core/signing/createSignedOpinion.ts';
import type { OpinionBallot } from '../../../../shared/domain/opinionBallot.ts';
import type { OpinionChoice } from '../../../../shared/opinions/payload.ts';
import {
  BALLOT_ROUTES,
  ballotStatusResponseSchema,
  opinionBallotResponseSchema,
  type BallotStatusResponse,
} from '../../../../shared/protocol/ballots.ts';
import type { MutationAck } from '../../../../shared/protocol/push.ts';
import { createDevPki, type DevPki } from '../../../../server/pki/devPki.ts';
import { writeDevPki } from '../../../../server/pki/devPkiFiles.ts';
import { documents, documentVersions } from '../../../../server/src/db/schema.ts';
import { eq } from '../../../../server/src/db/operators.ts';
import type { Harness, Session } from './harness.ts';
import { connectSession, http } from './harness.ts';
import { mutation, pushOk } from './writeFixture.ts';

export const PKI_PASSWORD = 'Mật khẩu thử 123';

/** A dev PKI (three members) written to a temp dir: its `trust/` + `crl/` are TRUST_DIR. */
export interface OpinionPki {
  readonly pki: DevPki;
  readonly dir: string;
  readonly credentials: SigningCredential[];
  remove(): Promise<void>;
}

export async function createOpinionPki(): Promise<OpinionPki> {
  const dir = await mkdtemp(join(tmpdir(), 'ecabinet-pki-'));
  const pki = createDevPki({
    members: [{ name: 'Thành viên Một' }, { name: 'Thành viên Hai' }, { name: 'Thành viên Ba' }],
    password: PKI_PASSWORD,
    caBits: 2048,
    p12Iterations: 1000,
  });
  await writeDevPki(dir, pki);
  const credentials = pki.members.map((m) => {
    const opened = importPkcs12(m.p12, PKI_PASSWORD);
    if (!opened.ok) throw new Error(`dev PKCS#12: ${opened.error.code}`);
    return opened.value;
  });
  return { pki, dir, credentials, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A member's device: session, socket, outbox client id and next mutation id. */
export interface Device {
  readonly session: Session;
  readonly socket: ClientSocket;
  readonly clientId: string;
  nextId: number;
}

export async function openDevice(h: Harness, session: Session): Promise<Device> {
  return {
    session,
    socket: await connectSession(h.url, session),
    clientId: randomUUID(),
    nextId: 1,
  };
}

/** A draft with one version in `meetingId`, inserted directly (no PDF needed to sign hashes). */
export async function insertDocument(h: Harness, meetingId: string): Promise<string> {
  const id = randomUUID();
  const now = h.server.context.clock();
  await h.server.context.db.insert(documents).values({
    id,
    meetingId,
    agendaItemId: null,
    title: 'Dự thảo Nghị định',
    kind: 'draft',
    position: 1,
    currentVersion: 0,
    createdAt: now,
    updatedAt: now,
  });
  await addVersion(h, id, meetingId);
  return id;
}

/** A new current version of a document (a replaced draft). */
export async function addVersion(h: Harness, documentId: string, meetingId: string): Promise<void> {
  const db = h.server.context.db;
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  const version = (doc?.currentVersion ?? 0) + 1;
  await db.insert(documentVersions).values({
    id: randomUUID(),
    documentId,
    meetingId,
    version,
    sha256: createHash('sha256').update(`${documentId}:${version}`).digest('hex'),
    size: 100,
    pageCount: 1,
    fileName: `du-thao-v${version}.pdf`,
    createdBy: null,
    createdAt: h.server.context.clock(),
  });
  await db.update(documents).set({ currentVersion: version }).where(eq(documents.id, documentId));
}

export async function bindCert(
  h: Harness,
  admin: Session,
  userId: string,
  certDer: Uint8Array,
): Promise<number> {
  const res = await http(h, 'POST', BALLOT_ROUTES.certificates, {
    token: admin.token,
    json: { userId, certificateBase64: Buffer.from(certDer).toString('base64') },
  });
  return res.status;
}

export async function createBallot(
  h: Harness,
  staff: Session,
  input: { documentIds: string[]; memberIds: string[]; deadline: Date; meetingId?: string | null },
): Promise<OpinionBallot> {
  const res = await http(h, 'POST', BALLOT_ROUTES.ballots, {
    token: staff.token,
    json: {
      meetingId: input.meetingId ?? null,
      question: 'Ý kiến về dự thảo Nghị định',
      documentIds: input.documentIds,
      eligibleMemberIds: input.memberIds,
      deadline: input.deadline.toISOString(),
    },
  });
  if (res.status !== 201)
    throw new Error(`create ballot: ${res.status} ${JSON.stringify(res.json)}`);
  return opinionBallotResponseSchema.parse(res.json).ballot;
}

export async function ballotStatus(
  h: Harness,
  staff: Session,
  ballotId: string,
): Promise<BallotStatusResponse> {
  const res = await http(h, 'GET', BALLOT_ROUTES.ballotStatus(ballotId), { token: staff.token });
  if (res.status !== 200) throw new Error(`status: ${res.status} ${JSON.stringify(res.json)}`);
  return ballotStatusResponseSchema.parse(res.json);
}

export interface SignedSubmit {
  readonly args: {
    opinionId: string;
    ballotId: string;
    payloadBase64: string;
    signatureBase64: string;
  };
}

/** Signs an answer the way the device does, over `documents` (default: the ballot's). */
export function signAnswer(
  device: Device,
  credential: SigningCredential,
  ballot: OpinionBallot,
  options: {
    choice?: OpinionChoice;
    text?: string;
    now: Date;
    documents?: OpinionBallot['documents'];
  },
): SignedSubmit {
  const signed = createSignedOpinion({
    draft: {
      ballotId: ballot.id,
      memberId: device.session.user.id,
      choice: options.choice ?? 'agree',
      text: options.text ?? '',
      exceptions:
        options.choice === 'other' ? [{ article: 'Điều 5', note: 'Đề nghị bỏ khoản 2' }] : [],
      documents: options.documents ?? ballot.documents,
    },
    credential,
    deviceId: device.session.deviceId,
    now: options.now,
  });
  return {
    args: {
      opinionId: randomUUID(),
      ballotId: ballot.id,
      payloadBase64: Buffer.from(signed.payloadBytes).toString('base64'),
      signatureBase64: Buffer.from(signed.signatureDer).toString('base64'),
    },
  };
}

/** Pushes one `opinion.submit` and returns its ack. */
export async function submit(
  device: Device,
  args: SignedSubmit['args'],
  mutationId?: number,
): Promise<MutationAck> {
  const id = mutationId ?? device.nextId++;
  const response = await pushOk(device.socket, device.clientId, [
    mutation(id, 'opinion.submit', args),
  ]);
  const ack = response.acks[0];
  if (ack === undefined) throw new Error(`no ack: ${JSON.stringify(response)}`);
  return ack;
}
