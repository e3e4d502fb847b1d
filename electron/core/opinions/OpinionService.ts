import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { ZodError } from 'zod';
import {
  opinionBallotSchema,
  type OpinionBallot,
  type OpinionRecord,
  type OpinionView,
} from '../../../shared/domain/opinionBallot.ts';
import type { BallotView } from '../../../shared/domain/opinionViews.ts';
import type { User } from '../../../shared/domain/user.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import { ballotResult } from '../../../shared/opinions/ballotResult.ts';
import type { OpinionChoice, OpinionException } from '../../../shared/opinions/payload.ts';
import type {
  BallotStatusResponse,
  MemberOpinionStatus,
} from '../../../shared/protocol/ballots.ts';
import type { FieldCipher } from '../crypto/FieldCipher.ts';
import { notFound, type FeatureContext } from '../features/FeatureContext.ts';
import type { Logger } from '../log/logger.ts';
import { openRecord } from '../outbox/overlay.ts';
import { createSignedOpinion } from '../signing/createSignedOpinion.ts';
import { recordContext } from '../store/replicaTables.ts';
import { optionalBytesOf, textOf } from '../store/rowValues.ts';
import type { CredentialStore } from './CredentialStore.ts';

interface OpinionRow {
  view: OpinionView;
  server: OpinionView | null;
}

const time = (iso: string | null): number => (iso === null ? 0 : Date.parse(iso));

/**
 * Written opinions on the device (workflow 4). Ballots come from the server only. Signing opens
 * the member's certificate with their password, signs the ballot's document versions as this
 * device received them (their SHA-256), and queues `opinion.submit` in the outbox in the same
 * transaction as the replica row: it works offline and survives a restart. The server's record
 * then replaces the pending one: verified with its receive time, or refused with its code.
 */
export class OpinionService {
  private readonly deps: {
    db: DatabaseSync;
    cipher: FieldCipher;
    log: Logger;
    ctx: FeatureContext;
    credentials: CredentialStore;
    deviceId: string;
    now: () => number;
  };

  constructor(deps: OpinionService['deps']) {
    this.deps = deps;
  }

  list(): BallotView[] {
    const user = this.deps.ctx.user();
    return this.ballots()
      .filter((b) => user.role !== 'member' || b.eligibleMemberIds.includes(user.id))
      .sort((a, b) => time(a.deadline) - time(b.deadline) || a.id.localeCompare(b.id))
      .map((b) => this.view(b, user));
  }

  get(ballotId: string): BallotView {
    const user = this.deps.ctx.user();
    return this.view(this.ballot(ballotId, user), user);
  }

  /** Mine for the ballot, newest first. */
  opinions(ballotId: string): OpinionView[] {
    const user = this.deps.ctx.user();
    this.ballot(ballotId, user);
    return this.rows(ballotId)
      .map((r) => r.view)
      .filter((o) => o.memberId === user.id)
      .sort((a, b) => newest(a, b));
  }

  sign(input: {
    ballotId: string;
    choice: OpinionChoice;
    text: string;
    exceptions: OpinionException[];
    password: string;
  }): OpinionView {
    const user = this.deps.ctx.user();
    const ballot = this.ballot(input.ballotId, user);
    if (!ballot.eligibleMemberIds.includes(user.id))
      throw new IpcError('NOT_FOUND', 'you are not asked on this ballot');
    // Closed as this device knows it: nothing is signed or queued (the server would refuse it
    // BALLOT_CLOSED anyway; a close not yet synced is still decided there).
    if (ballot.status === 'closed')
      throw new IpcError('BALLOT_CLOSED', 'the ballot is closed; no more opinions are accepted');
    const credential = this.deps.credentials.open(input.password);
    let signed;
    try {
      signed = createSignedOpinion({
        draft: {
          ballotId: ballot.id,
          memberId: user.id,
          choice: input.choice,
          text: input.text,
          exceptions: input.exceptions,
          documents: ballot.documents,
        },
        credential,
        deviceId: this.deps.deviceId,
        now: new Date(this.deps.now()),
      });
    } catch (error) {
      if (error instanceof ZodError)
        throw new IpcError('INVALID_INPUT', error.issues[0]?.message ?? 'invalid opinion');
      throw error;
    }
    const opinionId = randomUUID();
    this.deps.ctx.write(
      user,
      {
        kind: 'opinion.submit',
        args: {
          opinionId,
          ballotId: ballot.id,
          payloadBase64: Buffer.from(signed.payloadBytes).toString('base64'),
          signatureBase64: Buffer.from(signed.signatureDer).toString('base64'),
        },
      },
      ballot.meetingId ?? '',
    );
    const shown = this.rows(ballot.id).find((r) => r.view.id === opinionId);
    if (!shown) throw new Error('the signed opinion was not stored');
    return shown.view;
  }

  /** Secretariat: the follow-up table from the opinions this device received. */
  followUp(ballotId: string): BallotStatusResponse {
    const user = this.deps.ctx.user();
    if (user.role === 'member') throw new IpcError('FORBIDDEN', 'only the secretariat follows up');
    const ballot = this.ballot(ballotId, user);
    const received = this.rows(ballotId).flatMap((r) => (r.server ? [r.server] : []));
    const members: MemberOpinionStatus[] = ballot.eligibleMemberIds.map((memberId) => {
      const mine = received.filter((o) => o.memberId === memberId);
      const current = mine.find((o) => o.status === 'verified' && o.supersededBy === null);
      const refused = mine.filter((o) => o.status === 'rejected').sort(newest)[0];
      const shown = current ?? refused;
      return {
        memberId,
        displayName: this.deps.ctx.reader.user(memberId)?.displayName ?? memberId,
        state: current ? 'verified' : refused ? 'rejected' : 'not_answered',
        choice: current?.choice ?? null,
        opinion: shown ? asRecord(shown) : null,
      };
    });
    members.sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
    // Once closed, the result the server stored at close is the result (never recomputed here).
    return { ballot, members, result: ballot.result ?? ballotResult(ballot, members) };
  }

  private view(ballot: OpinionBallot, user: User): BallotView {
    const mine = this.rows(ballot.id)
      .map((r) => r.view)
      .filter((o) => o.memberId === user.id);
    const pending = mine.filter((o) => o.status === 'pending').sort(newest)[0];
    const current = mine.find((o) => o.status === 'verified' && o.supersededBy === null);
    const refused = mine.filter((o) => o.status === 'rejected').sort(newest)[0];
    return {
      ballot,
      documents: ballot.documents.map((d) => {
        const doc = this.deps.ctx.reader.document(d.id);
        return { ...d, title: doc?.title ?? null, meetingId: doc?.meetingId ?? null };
      }),
      myOpinion: pending ?? current ?? refused ?? null,
    };
  }

  private ballot(ballotId: string, user: User): OpinionBallot {
    const ballot = this.ballots().find((b) => b.id === ballotId);
    if (!ballot || (user.role === 'member' && !ballot.eligibleMemberIds.includes(user.id)))
      throw notFound('ballot');
    return ballot;
  }

  private ballots(): OpinionBallot[] {
    const out: OpinionBallot[] = [];
    for (const row of this.deps.db.prepare('SELECT id, json FROM opinion_ballots').all()) {
      const id = textOf(row, 'id');
      try {
        const sealed = optionalBytesOf(row, 'json');
        if (!sealed) continue;
        const text = this.deps.cipher.open(sealed, recordContext('opinion_ballots', id));
        out.push(opinionBallotSchema.parse(JSON.parse(text)));
      } catch (error) {
        this.deps.log.warn('an opinion ballot could not be read', { id, error: String(error) });
      }
    }
    return out;
  }

  private rows(ballotId: string): OpinionRow[] {
    const sql = 'SELECT id, json, local_json FROM opinions WHERE ballot_id = ?';
    const ctx = { db: this.deps.db, cipher: this.deps.cipher, log: this.deps.log };
    const out: OpinionRow[] = [];
    for (const row of this.deps.db.prepare(sql).all(ballotId)) {
      const target = { table: 'opinions' as const, id: textOf(row, 'id') };
      const server = openRecord(ctx, target, optionalBytesOf(row, 'json'), false);
      const local = openRecord(ctx, target, optionalBytesOf(row, 'local_json'), true);
      const view = local ?? server;
      if (view) out.push({ view, server });
    }
    return out;
  }
}

function newest(a: OpinionView, b: OpinionView): number {
  const at = (o: OpinionView) => Math.max(time(o.receivedAt), time(o.signingTime));
  return at(b) - at(a) || b.id.localeCompare(a.id);
}

/** A received record (verified or rejected) in the server's shape. */
function asRecord(o: OpinionView): OpinionRecord {
  return {
    ...o,
    status: o.status === 'verified' ? 'verified' : 'rejected',
    receivedAt: o.receivedAt ?? new Date(0).toISOString(),
  };
}
