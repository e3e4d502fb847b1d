/**
 * Child process of tests/integration/outbox/crashSafety.test.ts: opens the real store in
 * `<dataDir>` (the data key sealed by the development file sealer in `<dataDir>/keys`) and
 * makes durable local writes through the real write features (comments, positions, ballots:
 * FeatureContext → Outbox.write), forever, printing `ACK <mutationId>` after each committed
 * write. The parent kills it with SIGKILL at random points and checks the store.
 *
 * Usage: node outboxCrashWriter.ts <dataDir> <seed> <fixture.json>
 * fixture: { user, meetingId, agendaItemId, voteId }. Writes to stdout are synchronous for pipes
 * on Linux, so a printed ACK is never lost by the kill.
 */
import { join } from 'node:path';
import { fileKeySealer } from '../../electron/core/crypto/fileKeySealer.ts';
import { FieldCipher } from '../../electron/core/crypto/FieldCipher.ts';
import { ActivityReader } from '../../electron/core/features/ActivityReader.ts';
import { CommentService } from '../../electron/core/features/CommentService.ts';
import { FeatureContext } from '../../electron/core/features/FeatureContext.ts';
import { PositionService } from '../../electron/core/features/PositionService.ts';
import { VoteService } from '../../electron/core/features/VoteService.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { Outbox } from '../../electron/core/outbox/Outbox.ts';
import { ensureDeviceIdentity } from '../../electron/core/session/deviceIdentity.ts';
import { openDatabase } from '../../electron/core/store/openDatabase.ts';
import { ReplicaReader } from '../../electron/core/store/ReplicaReader.ts';
import { STANCES } from '../../shared/domain/position.ts';
import { VOTE_CHOICES } from '../../shared/domain/vote.ts';
import { prng, type CrashFixture } from './crashFixture.ts';

function main(): void {
  const [dataDir, seedText, fixtureJson] = process.argv.slice(2);
  if (!dataDir || !seedText || !fixtureJson)
    throw new Error('usage: outboxCrashWriter <dataDir> <seed> <fixture.json>');
  const fixture = JSON.parse(fixtureJson) as CrashFixture;
  const random = prng(Number(seedText));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const db = openDatabase(dataDir);
  const identity = ensureDeviceIdentity(db, fileKeySealer(join(dataDir, 'keys')), silentLogger);
  const cipher = new FieldCipher(identity.dataKey);
  const ctx = { db, cipher, log: silentLogger };
  const outbox = new Outbox({ db, cipher, log: silentLogger, now: () => Date.now() });
  let last = 0;
  const features = new FeatureContext({
    outbox,
    reader: new ReplicaReader(db, cipher, silentLogger),
    activity: new ActivityReader(ctx),
    replicaUser: () => fixture.user,
    now: () => Date.now(),
    serverNow: () => Date.now(),
    written: (write) => {
      last = write.mutationId;
    },
  });
  const comments = new CommentService(features);
  const positions = new PositionService(features);
  const votes = new VoteService(features);
  const mine = db
    .prepare('SELECT id FROM comments')
    .all()
    .map((r) => String(r['id']));

  process.stdout.write('READY\n');
  for (let n = 0; ; n++) {
    const r = random();
    if (r < 0.55 || mine.length === 0) {
      const parentId = mine.length > 0 && random() < 0.3 ? pick(mine) : null;
      const view = comments.create({
        agendaItemId: fixture.agendaItemId,
        parentId,
        body: `Ý kiến số ${n} — ${'đ'.repeat(Math.floor(random() * 300))}`,
      });
      mine.push(view.comment.id);
    } else if (r < 0.75) {
      const id = pick(mine);
      try {
        if (r < 0.7) comments.edit({ id, body: `Sửa lần ${n}` });
        else comments.delete({ id });
      } catch {
        continue; // a deleted comment (NOT_FOUND): nothing written, nothing to acknowledge
      }
    } else if (r < 0.9) {
      positions.set({
        agendaItemId: fixture.agendaItemId,
        stance: pick(STANCES),
        note: random() < 0.5 ? '' : `Ghi chú ${n}`,
      });
    } else {
      votes.cast({ voteId: fixture.voteId, choice: pick(VOTE_CHOICES) });
    }
    process.stdout.write(`ACK ${last}\n`);
  }
}

main();
