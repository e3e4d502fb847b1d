import { z } from 'zod';
import { agendaItemSchema, documentSchema, documentVersionSchema, meetingSchema, participantSchema } from './meeting.ts';
import { userSchema } from './user.ts';
import { idSchema, sha256Schema } from './ids.ts';

/** Where one document version stands in the device's encrypted cache. Bytes are exact counts. */
export const downloadStateSchema = z.strictObject({
  state: z.enum(['none', 'queued', 'downloading', 'complete', 'failed']),
  receivedBytes: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  /** A typed code when state is `failed`. */
  error: z.string().nullable(),
});
export type DownloadState = z.infer<typeof downloadStateSchema>;

/** "Available offline" for a whole meeting: complete when every current version is cached. */
export const offlineSummarySchema = z.strictObject({
  state: z.enum(['none', 'partial', 'complete']),
  cachedDocuments: z.number().int().min(0),
  totalDocuments: z.number().int().min(0),
  cachedBytes: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
});
export type OfflineSummary = z.infer<typeof offlineSummarySchema>;

export const meetingSummarySchema = z.strictObject({
  meeting: meetingSchema,
  itemCount: z.number().int().min(0),
  documentCount: z.number().int().min(0),
  offline: offlineSummarySchema,
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const paperViewSchema = z.strictObject({
  document: documentSchema,
  /** The current version's metadata; null until it has synced. */
  version: documentVersionSchema.nullable(),
  download: downloadStateSchema,
});
export type PaperView = z.infer<typeof paperViewSchema>;

export const meetingDetailSchema = z.strictObject({
  meeting: meetingSchema,
  items: z.array(z.strictObject({ item: agendaItemSchema, papers: z.array(paperViewSchema) })),
  /** Papers attached to the meeting but to no agenda item. */
  otherPapers: z.array(paperViewSchema),
  participants: z.array(z.strictObject({ participant: participantSchema, user: userSchema.nullable() })),
  offline: offlineSummarySchema,
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

/** Progress pushed while papers download. */
export const downloadProgressSchema = z.strictObject({
  meetingId: idSchema,
  documentId: idSchema,
  sha256: sha256Schema,
  download: downloadStateSchema,
});
export type DownloadProgress = z.infer<typeof downloadProgressSchema>;
