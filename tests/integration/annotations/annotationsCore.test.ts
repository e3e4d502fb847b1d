import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/domain/user.ts';
import type { ChannelInput } from '../../../shared/ipc/contract.ts';
import { eventually, FAST_TUNING, startCore, type CoreHarness } from '../../support/coreHarness.ts';
import { attachWriteServer, type FakeWriteServer } from '../../support/fakeWriteServer.ts';
import { startFakeSyncServer, type FakeSyncServer } from '../../support/fakeSyncServer.ts';
import { ChangeLog, makeParticipant, makeUser, meetingBundle } from '../../support/syncFixtures.ts';

const TUNING = {
  ...FAST_TUNING,
  push: {
    debounceMs: 20,
    maxDebounceMs: 100,
    ackTimeoutMs: 1000,
    retry: { baseMs: 50, maxMs: 300 },
  },
};
const alice = makeUser({ username: 'alice', displayName: 'Bộ trưởng Alice' });
const bob = makeUser({ username: 'bob', displayName: 'Bộ trưởng Bob' });
const QUOTE = 'Điều 1. Phạm vi điều chỉnh của Nghị định này';

let server: FakeSyncServer;
let writes: FakeWriteServer;
let log: ChangeLog;
let cores: CoreHarness[];

async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < 2; i++)
    doc.addPage([595, 842]).drawText(`Page ${i + 1}`, { x: 72, y: 760, font });
  return doc.save();
}

async function signedIn(user: User, password: string): Promise<CoreHarness> {
  const h = startCore({ serverUrl: server.url, tuning: TUNING });
  cores.push(h);
  await h.call('session:login', { username: user.username, password });
  await h.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);
  return h;
}

beforeEach(async () => {
  server = await startFakeSyncServer();
  server.addUser(alice, 'alice-pw');
  server.addUser(bob, 'bob-pw');
  log = new ChangeLog();
  writes = attachWriteServer(server, log);
  cores = [];
});
afterEach(async () => {
  for (const h of cores) await h.dispose();
  await server.close();
});

async function paperMeeting() {
  const pdf = await twoPagePdf();
  server.addBlob(Buffer.from(pdf));
  const b = meetingBundle(log, alice, [pdf]);
  server.publish([
    ...b.changes,
    log.upsert('user', bob),
    log.upsert('participant', makeParticipant(b.meeting.id, bob.id)),
  ]);
  const documentId = b.documents[0]!.id;
  return { ...b, documentId };
}

type CreateInput = ChannelInput<'annotations:create'>;
const highlight = (documentId: string, exact = QUOTE): CreateInput => ({
  documentId,
  version: 1,
  pageIndex: 0,
  visibility: 'participants',
  color: '#ffd400',
  body: 'Cần làm rõ',
  shape: {
    kind: 'highlight',
    rects: [
      { x: 72, y: 700, width: 200.5, height: 12 },
      { x: 72, y: 686, width: 80, height: 12 },
    ],
    quote: { exact, prefix: '', suffix: ' quy định' },
  },
});

describe('annotations in the client core', () => {
  it('are saved at once, pushed through the outbox, shown read-only to others with the author name', async () => {
    const m = await paperMeeting();
    const h = await signedIn(alice, 'alice-pw');
    const created = await h.call('annotations:create', highlight(m.documentId));
    expect(created).toMatchObject({ mine: true, pending: true, authorName: 'Bộ trưởng Alice' });
    expect(created.annotation).toMatchObject({ authorId: alice.id, sha256: m.versions[0]!.sha256 });
    await eventually(async () => {
      const list = await h.call('annotations:list', { documentId: m.documentId });
      return list.annotations.length === 1 && !list.annotations[0]!.pending;
    });
    expect(writes.annotations.get(created.annotation.id)).toMatchObject({ color: '#ffd400' });

    const updated = await h.call('annotations:update', {
      id: created.annotation.id,
      patch: { color: '#00aa00' },
    });
    expect(updated.annotation.color).toBe('#00aa00');
    expect(
      await h.failCode('annotations:update', {
        id: created.annotation.id,
        patch: { shape: { kind: 'note', point: { x: 1, y: 1 } } },
      }),
    ).toBe('INVALID_INPUT');
    await eventually(() => writes.annotations.get(created.annotation.id)?.color === '#00aa00');

    const other = await signedIn(bob, 'bob-pw');
    await eventually(
      async () =>
        (await other.call('annotations:list', { documentId: m.documentId })).annotations.length ===
        1,
    );
    const seen = (await other.call('annotations:list', { documentId: m.documentId }))
      .annotations[0]!;
    expect(seen).toMatchObject({ mine: false, authorName: 'Bộ trưởng Alice' });
    expect(seen.annotation.color).toBe('#00aa00');
    expect(
      await other.failCode('annotations:update', {
        id: seen.annotation.id,
        patch: { color: '#000000' },
      }),
    ).toBe('NOT_AUTHOR');
    expect(await other.failCode('annotations:delete', { id: seen.annotation.id })).toBe(
      'NOT_AUTHOR',
    );

    await h.call('annotations:delete', { id: created.annotation.id });
    expect((await h.call('annotations:list', { documentId: m.documentId })).annotations).toEqual(
      [],
    );
    await eventually(
      async () =>
        (await other.call('annotations:list', { documentId: m.documentId })).annotations.length ===
        0,
    );

    // Undo of the delete: the same annotation, with its text, for its author and for others.
    expect(
      await other.failCode('annotations:restore', { id: created.annotation.id, body: 'x' }),
    ).toBe('NOT_AUTHOR');
    const restored = await h.call('annotations:restore', {
      id: created.annotation.id,
      body: 'Cần làm rõ',
    });
    expect(restored.annotation).toMatchObject({
      id: created.annotation.id,
      body: 'Cần làm rõ',
      deletedAt: null,
    });
    expect(
      (await h.call('annotations:list', { documentId: m.documentId })).annotations.map(
        (v) => v.annotation.id,
      ),
    ).toEqual([created.annotation.id]);
    await eventually(async () => {
      const list = await other.call('annotations:list', { documentId: m.documentId });
      return list.annotations[0]?.annotation.body === 'Cần làm rõ';
    });
  });

  it('re-anchors text annotations onto a new version; what cannot be placed needs attention, never dropped', async () => {
    const m = await paperMeeting();
    const h = await signedIn(alice, 'alice-pw');
    const kept = await h.call('annotations:create', highlight(m.documentId));
    const gone = await h.call(
      'annotations:create',
      highlight(m.documentId, 'Khoản này bị bãi bỏ hoàn toàn trong bản sửa đổi'),
    );
    await h.call('annotations:create', {
      ...highlight(m.documentId),
      shape: { kind: 'note', point: { x: 300, y: 400 } },
    });
    const newText = `Lời nói đầu của bản sửa đổi.\n${QUOTE} quy định về tổ chức phiên họp.`;
    const result = await h.call('annotations:reanchor', {
      documentId: m.documentId,
      version: 2,
      pageTexts: ['Trang bìa', newText],
    });
    expect(result.placements).toHaveLength(2);
    const byId = new Map(result.placements.map((p) => [p.annotationId, p]));
    expect(byId.get(kept.annotation.id)).toEqual({
      annotationId: kept.annotation.id,
      status: 'anchored',
      pageIndex: 1,
      start: newText.indexOf(QUOTE),
      end: newText.indexOf(QUOTE) + QUOTE.length,
      method: 'exact',
    });
    expect(byId.get(gone.annotation.id)).toEqual({
      annotationId: gone.annotation.id,
      status: 'needs_attention',
      exact: 'Khoản này bị bãi bỏ hoàn toàn trong bản sửa đổi',
    });
    expect(
      (await h.call('annotations:list', { documentId: m.documentId })).annotations,
    ).toHaveLength(3);
  });

  it('exports my annotations as standard PDF annotations (poppler renders it) and as W3C JSON-LD', async () => {
    const m = await paperMeeting();
    const h = await signedIn(alice, 'alice-pw');
    await h.call('annotations:create', highlight(m.documentId));
    await h.call('annotations:create', {
      ...highlight(m.documentId),
      shape: { ...highlight(m.documentId).shape, kind: 'underline' } as CreateInput['shape'],
    });
    await h.call('annotations:create', {
      ...highlight(m.documentId),
      pageIndex: 1,
      body: 'Ghi chú dán',
      shape: { kind: 'note', point: { x: 300, y: 400 } },
    });
    await h.call('annotations:create', {
      ...highlight(m.documentId),
      pageIndex: 1,
      shape: {
        kind: 'ink',
        width: 2,
        strokes: [
          [
            { x: 100, y: 100 },
            { x: 150, y: 120 },
            { x: 200, y: 100 },
          ],
        ],
      },
    });

    const pdf = await h.call('annotations:export', { documentId: m.documentId, format: 'pdf' });
    expect(pdf).toMatchObject({ mediaType: 'application/pdf', version: 1, skipped: 0 });
    const bytes = Buffer.from(pdf.base64, 'base64');
    const doc = await PDFDocument.load(bytes);
    const subtypes = doc.getPages().map((page) => {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      return (annots?.asArray() ?? []).map((ref) => {
        const dict = doc.context.lookup(ref, PDFDict);
        return dict.get(PDFName.of('Subtype'))?.toString();
      });
    });
    expect(subtypes).toEqual([
      ['/Highlight', '/Underline'],
      ['/Text', '/Ink'],
    ]);
    const first = doc.context.lookup(
      doc.getPages()[0]!.node.lookup(PDFName.of('Annots'), PDFArray).get(0),
      PDFDict,
    );
    const quads = first
      .lookup(PDFName.of('QuadPoints'), PDFArray)
      .asArray()
      .map((n) => Number(n.toString()));
    expect(quads).toEqual([
      72, 712, 272.5, 712, 72, 700, 272.5, 700, 72, 698, 152, 698, 72, 686, 152, 686,
    ]);

    const dir = mkdtempSync(join(tmpdir(), 'annot-export-'));
    try {
      const file = join(dir, 'exported.pdf');
      writeFileSync(file, bytes);
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
      execFileSync('pdftoppm', ['-r', '36', '-png', file, join(dir, 'page')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const w3c = await h.call('annotations:export', { documentId: m.documentId, format: 'w3c' });
    const items = JSON.parse(Buffer.from(w3c.base64, 'base64').toString('utf8')) as {
      type: string;
      target: { source: string };
    }[];
    expect(items).toHaveLength(4);
    expect(items.every((i) => i.type === 'Annotation')).toBe(true);
    expect(items[0]!.target.source).toBe(`urn:sha256:${m.versions[0]!.sha256}`);
  });
});
