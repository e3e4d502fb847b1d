import type { InferSelectModel } from 'drizzle-orm';
import {
  ANNOTATION_VISIBILITIES,
  annotationShapeSchema,
  type AnnotationRecord,
  type AnnotationVisibility,
} from '../../../shared/domain/annotation.ts';
import {
  deleteChange,
  ownedUpsertChange,
  upsertChange,
  type PendingChange,
} from '../changes/pendingChange.ts';
import type { annotations } from '../db/annotationSchema.ts';

export type AnnotationRow = InferSelectModel<typeof annotations>;

function visibilityOf(value: string): AnnotationVisibility {
  const found = ANNOTATION_VISIBILITIES.find((v) => v === value);
  if (found === undefined) throw new Error(`unexpected annotation visibility: ${value}`);
  return found;
}

/** Row → wire record; the stored shape is parsed like any input read back. */
export function toAnnotation(row: AnnotationRow): AnnotationRecord {
  return {
    id: row.id,
    meetingId: row.meetingId,
    documentId: row.documentId,
    version: row.version,
    sha256: row.sha256,
    pageIndex: row.pageIndex,
    authorId: row.authorId,
    visibility: visibilityOf(row.visibility),
    color: row.color,
    body: row.body,
    shape: annotationShapeSchema.parse(row.shape),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt === null ? null : row.deletedAt.toISOString(),
  };
}

/**
 * The change-log entry that carries `record` to exactly its audience (pullChanges visibleTo):
 * private → targeted to the author (staff do not see it either); secretariat → owned by the
 * author (among members only the author; staff see it); participants → the meeting's entry.
 */
export function annotationUpsert(record: AnnotationRecord): PendingChange {
  switch (record.visibility) {
    case 'private':
      return upsertChange('annotation', record, record.meetingId, record.authorId);
    case 'secretariat':
      return ownedUpsertChange('annotation', record, record.meetingId, record.authorId);
    case 'participants':
      return upsertChange('annotation', record, record.meetingId);
  }
}

/**
 * When the audience narrows, those who leave it must drop the record: a delete entry for the
 * old audience (members who may see the meeting, and staff; a delete of something a device
 * never had is a no-op), written before the upsert for the new audience.
 */
export function annotationWithdrawal(record: AnnotationRecord): PendingChange {
  return deleteChange('annotation', record.id, record.meetingId);
}

const RANK: Record<AnnotationVisibility, number> = { private: 0, secretariat: 1, participants: 2 };

/** True when some who saw it under `before` may not under `after`. */
export function narrows(before: AnnotationVisibility, after: AnnotationVisibility): boolean {
  return RANK[after] < RANK[before];
}
