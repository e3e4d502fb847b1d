import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DocumentVersion } from '../../../shared/domain/meeting.ts';
import type {
  AdminDocument,
  createDocumentRequestSchema,
  UpdateDocumentRequest,
} from '../../../shared/protocol/admin.ts';
import type { Actor } from '../audit/auditLog.ts';
import { deleteChange, upsertChange } from '../changes/pendingChange.ts';
import type { Database } from '../db/openDatabase.ts';
import { agendaItems, documents, documentVersions } from '../db/schema.ts';
import {
  toAdminDocument,
  toDocument,
  toDocumentVersion,
  type DocumentRow,
} from '../db/toDomain.ts';
import { writeTransaction, type WriteScope } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { lockMeeting } from './meetingAccess.ts';

type CreateDocument = z.output<typeof createDocumentRequestSchema>;

/** A stored, validated PDF ready to become a document version. */
export interface NewVersionFile {
  sha256: string;
  /** Bytes. */
  size: number;
  pageCount: number;
  /** Display name only. */
  fileName: string;
}

/** The document row, NOT_FOUND when absent. */
export async function findDocument(db: Database, documentId: string): Promise<DocumentRow> {
  const [row] = await db.select().from(documents).where(eq(documents.id, documentId));
  if (row === undefined) throw new ServerError('NOT_FOUND', 'no such document');
  return row;
}

/** Locks the document's meeting, then the document (the order every meeting edit uses). */
async function lockDocument(tx: Database, documentId: string): Promise<DocumentRow> {
  const { meetingId } = await findDocument(tx, documentId);
  await lockMeeting(tx, meetingId);
  const [row] = await tx.select().from(documents).where(eq(documents.id, documentId)).for('update');
  if (row === undefined) throw new ServerError('NOT_FOUND', 'no such document');
  return row;
}

async function assertItemInMeeting(
  tx: Database,
  agendaItemId: string,
  meetingId: string,
): Promise<void> {
  const [row] = await tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meetingId)));
  if (row === undefined)
    throw new ServerError('INVALID_INPUT', 'agendaItemId is not an item of this meeting');
}

/** Announces a document only once it has a version (devices never see an empty paper). */
function announce(w: WriteScope, row: DocumentRow): void {
  const wire = toDocument(row);
  if (wire !== null) w.change(upsertChange('document', wire, row.meetingId));
}

export async function createDocument(
  ctx: ServerContext,
  actor: Actor,
  meetingId: string,
  input: CreateDocument,
): Promise<AdminDocument> {
  return writeTransaction(ctx, actor, async (w) => {
    await lockMeeting(w.tx, meetingId);
    const [existing] = await w.tx
      .select({ id: documents.id })
      .from(documents)
      .where(eq(documents.id, input.id));
    if (existing !== undefined) throw new ServerError('CONFLICT', 'a document with this id exists');
    if (input.agendaItemId !== null) await assertItemInMeeting(w.tx, input.agendaItemId, meetingId);
    const [row] = await w.tx
      .insert(documents)
      .values({ ...input, meetingId, currentVersion: 0, createdAt: w.now, updatedAt: w.now })
      .returning();
    if (row === undefined) throw new Error('insert returned nothing');
    w.audit('document.create', row.id, { meetingId, title: row.title });
    return toAdminDocument(row);
  });
}

export async function updateDocument(
  ctx: ServerContext,
  actor: Actor,
  documentId: string,
  patch: UpdateDocumentRequest,
): Promise<AdminDocument> {
  return writeTransaction(ctx, actor, async (w) => {
    const current = await lockDocument(w.tx, documentId);
    if (patch.agendaItemId !== undefined && patch.agendaItemId !== null)
      await assertItemInMeeting(w.tx, patch.agendaItemId, current.meetingId);
    const [row] = await w.tx
      .update(documents)
      .set({
        agendaItemId: patch.agendaItemId === undefined ? current.agendaItemId : patch.agendaItemId,
        title: patch.title ?? current.title,
        kind: patch.kind ?? current.kind,
        position: patch.position ?? current.position,
        copyAllowed: patch.copyAllowed ?? current.copyAllowed,
        updatedAt: w.now,
      })
      .where(eq(documents.id, documentId))
      .returning();
    if (row === undefined) throw new Error('update returned nothing');
    announce(w, row);
    w.audit('document.update', documentId, { fields: Object.keys(patch) });
    return toAdminDocument(row);
  });
}

/** Deletes the document and its versions; devices drop them (blobs become unreachable). */
export async function deleteDocument(
  ctx: ServerContext,
  actor: Actor,
  documentId: string,
): Promise<void> {
  await writeTransaction(ctx, actor, async (w) => {
    const current = await lockDocument(w.tx, documentId);
    const versions = await w.tx
      .select({ id: documentVersions.id })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, documentId))
      .orderBy(asc(documentVersions.version));
    await w.tx.delete(documents).where(eq(documents.id, documentId));
    if (current.currentVersion >= 1) {
      for (const v of versions) w.change(deleteChange('documentVersion', v.id, current.meetingId));
      w.change(deleteChange('document', documentId, current.meetingId));
    }
    w.audit('document.delete', documentId, {
      meetingId: current.meetingId,
      versions: versions.length,
    });
  });
}

/** Records an uploaded file as the document's next version and makes it current. */
export async function addDocumentVersion(
  ctx: ServerContext,
  actor: Actor,
  documentId: string,
  file: NewVersionFile,
): Promise<{ document: AdminDocument; version: DocumentVersion }> {
  return writeTransaction(ctx, actor, async (w) => {
    const current = await lockDocument(w.tx, documentId);
    const versionNumber = current.currentVersion + 1;
    const [versionRow] = await w.tx
      .insert(documentVersions)
      .values({
        id: randomUUID(),
        documentId,
        meetingId: current.meetingId,
        version: versionNumber,
        sha256: file.sha256,
        size: file.size,
        pageCount: file.pageCount,
        fileName: file.fileName,
        createdBy: actor.userId,
        createdAt: w.now,
      })
      .returning();
    const [docRow] = await w.tx
      .update(documents)
      .set({ currentVersion: versionNumber, updatedAt: w.now })
      .where(eq(documents.id, documentId))
      .returning();
    if (versionRow === undefined || docRow === undefined)
      throw new Error('version write returned nothing');
    const version = toDocumentVersion(versionRow);
    // Parent first (a first version's document is new to devices); until the version entry is
    // applied, a device shows the paper with `version: null`.
    announce(w, docRow);
    w.change(upsertChange('documentVersion', version, current.meetingId));
    w.audit('document.add_version', documentId, {
      version: versionNumber,
      sha256: file.sha256,
      size: file.size,
    });
    return { document: toAdminDocument(docRow), version };
  });
}
