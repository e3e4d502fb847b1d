import { z } from 'zod';
import { idSchema, isoInstantSchema, sha256Schema } from './ids.ts';

export const MEETING_STATUSES = ['draft', 'published', 'closed'] as const;
export const meetingSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1).max(500),
  /** e.g. "Phiên họp Chính phủ thường kỳ tháng 11/2026". */
  kind: z.enum(['regular', 'thematic', 'extraordinary']),
  startsAt: isoInstantSchema,
  endsAt: isoInstantSchema,
  location: z.string().max(500),
  chairId: idSchema.nullable(),
  /** Only `published` and `closed` meetings reach members' devices. */
  status: z.enum(MEETING_STATUSES),
  updatedAt: isoInstantSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;

export const agendaItemSchema = z.strictObject({
  id: idSchema,
  meetingId: idSchema,
  /** 1-based order within the meeting; unique per meeting. */
  position: z.number().int().min(1),
  title: z.string().min(1).max(1000),
  /** Presenting agency (cơ quan trình), e.g. "Bộ Kế hoạch và Đầu tư". */
  presenter: z.string().max(300),
  startsAt: isoInstantSchema.nullable(),
  /** Planned length, minutes. */
  durationMinutes: z.number().int().min(0).max(24 * 60),
  summary: z.string().max(10_000),
  updatedAt: isoInstantSchema,
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const DOCUMENT_KINDS = ['submission', 'draft', 'report', 'other'] as const;
export const documentSchema = z.strictObject({
  id: idSchema,
  meetingId: idSchema,
  agendaItemId: idSchema.nullable(),
  title: z.string().min(1).max(1000),
  kind: z.enum(DOCUMENT_KINDS),
  /** Order among the item's papers, 1-based. */
  position: z.number().int().min(1),
  /** The version members should read; matches one documentVersion.version. */
  currentVersion: z.number().int().min(1),
  /**
   * The paper's copy policy, set by the secretariat: false forbids copying its text and
   * exporting it from members' devices (selecting text to highlight it stays possible). Rows a
   * device stored before protocol version 3 lack it; they were all copyable, hence the default.
   */
  copyAllowed: z.boolean().default(true),
  updatedAt: isoInstantSchema,
});
export type Document = z.infer<typeof documentSchema>;

export const documentVersionSchema = z.strictObject({
  id: idSchema,
  documentId: idSchema,
  meetingId: idSchema,
  version: z.number().int().min(1),
  sha256: sha256Schema,
  /** Bytes. */
  size: z.number().int().min(0),
  pageCount: z.number().int().min(0),
  /** A display name only; files are stored by hash, never by this name. */
  fileName: z.string().max(255),
  createdAt: isoInstantSchema,
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const PARTICIPANT_ROLES = ['chair', 'member', 'substitute', 'secretariat', 'guest'] as const;
export const participantSchema = z.strictObject({
  /** `${meetingId}:${userId}`, so a participant row has a stable id in the change log. */
  id: z.string().max(100),
  meetingId: idSchema,
  userId: idSchema,
  role: z.enum(PARTICIPANT_ROLES),
  /** For a substitute: the member they attend for. */
  substituteFor: idSchema.nullable(),
  /** Whether this participant's vote counts (a per-meeting setting for substitutes). */
  mayVote: z.boolean(),
});
export type Participant = z.infer<typeof participantSchema>;
