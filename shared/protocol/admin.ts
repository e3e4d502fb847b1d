import { z } from 'zod';
import { idSchema, isoInstantSchema } from '../domain/ids.ts';
import {
  agendaItemSchema,
  DOCUMENT_KINDS,
  documentSchema,
  documentVersionSchema,
  meetingSchema,
  PARTICIPANT_ROLES,
  participantSchema,
} from '../domain/meeting.ts';
import { roleSchema, userSchema } from '../domain/user.ts';

/**
 * Secretariat and admin operations over HTTP (JSON unless noted). Every route takes
 * `Authorization: Bearer <token>`; a member gets 403 FORBIDDEN, an unknown or invisible target
 * 404 NOT_FOUND. Ids of new entities are chosen by the caller (UUIDs), so a retried create
 * answers 409 CONFLICT instead of creating a twin. Times and authorship come from the server.
 *
 * Staff = secretariat or admin. "admin" = admin only.
 *
 * - POST   /api/admin/users                         createUserRequest → 201 { user }          (admin)
 * - POST   /api/admin/tokens/revoke                 revokeTokensRequest → 200 { revoked }     (admin)
 * - POST   /api/admin/meetings                      createMeetingRequest → 201 { meeting }     (staff)
 * - PATCH  /api/admin/meetings/:id                  updateMeetingRequest → 200 { meeting }
 * - PUT    /api/admin/meetings/:id/agenda           setAgendaRequest → 200 { items }   (replaces the list)
 * - PUT    /api/admin/meetings/:id/participants     setParticipantsRequest → 200 { participants }
 * - POST   /api/admin/meetings/:id/publish          {} → 200 { meeting }  draft → published
 * - POST   /api/admin/meetings/:id/unpublish        {} → 200 { meeting }  published|closed → draft
 * - POST   /api/admin/meetings/:id/close            {} → 200 { meeting }  published → closed
 * - POST   /api/admin/meetings/:id/documents        createDocumentRequest → 201 { document }
 * - PATCH  /api/admin/documents/:id                 updateDocumentRequest → 200 { document }
 * - DELETE /api/admin/documents/:id                 → 204
 * - POST   /api/admin/documents/:id/versions?fileName=<display name>
 *          body: the PDF bytes (Content-Type application/pdf), streamed; over the size limit →
 *          413 PAYLOAD_TOO_LARGE as soon as the limit is crossed; not a PDF → 422 INVALID_PDF;
 *          encrypted → 422 ENCRYPTED_PDF → 201 { document, version }
 * - PUT    /api/admin/meetings/:id/attendance       setAttendanceRequest → 200 { present }
 *          the whole list of participants present (for the quorum when a vote closes)
 */
export const ADMIN_ROUTES = {
  users: '/api/admin/users',
  revokeTokens: '/api/admin/tokens/revoke',
  meetings: '/api/admin/meetings',
  meeting: (meetingId: string) => `/api/admin/meetings/${meetingId}`,
  agenda: (meetingId: string) => `/api/admin/meetings/${meetingId}/agenda`,
  participants: (meetingId: string) => `/api/admin/meetings/${meetingId}/participants`,
  publish: (meetingId: string) => `/api/admin/meetings/${meetingId}/publish`,
  unpublish: (meetingId: string) => `/api/admin/meetings/${meetingId}/unpublish`,
  close: (meetingId: string) => `/api/admin/meetings/${meetingId}/close`,
  documents: (meetingId: string) => `/api/admin/meetings/${meetingId}/documents`,
  document: (documentId: string) => `/api/admin/documents/${documentId}`,
  versions: (documentId: string, fileName: string) =>
    `/api/admin/documents/${documentId}/versions?fileName=${encodeURIComponent(fileName)}`,
  attendance: (meetingId: string) => `/api/admin/meetings/${meetingId}/attendance`,
} as const;

/** Usernames are stored lower-case; login compares lower-case. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'letters, digits, dot, dash, underscore; 1-64 characters');

export const createUserRequestSchema = z.strictObject({
  /** Optional: the server generates one when absent. */
  id: idSchema.optional(),
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200),
  title: z.string().max(200).default(''),
  unit: z.string().max(200).default(''),
  role: roleSchema,
  password: z.string().min(8).max(1024),
});
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;
export const createUserResponseSchema = z.strictObject({ user: userSchema });

/** Revokes every live token of a user, or only those of one of their devices. */
export const revokeTokensRequestSchema = z.strictObject({
  userId: idSchema,
  deviceId: idSchema.optional(),
});
export type RevokeTokensRequest = z.infer<typeof revokeTokensRequestSchema>;
export const revokeTokensResponseSchema = z.strictObject({ revoked: z.number().int().min(0) });

const meetingFields = {
  title: z.string().trim().min(1).max(500),
  kind: meetingSchema.shape.kind,
  startsAt: isoInstantSchema,
  endsAt: isoInstantSchema,
  location: z.string().max(500).default(''),
  chairId: idSchema.nullable().default(null),
};

export const createMeetingRequestSchema = z
  .strictObject({ id: idSchema, ...meetingFields })
  .refine((m) => Date.parse(m.endsAt) >= Date.parse(m.startsAt), {
    message: 'endsAt must not be before startsAt',
    path: ['endsAt'],
  });
export type CreateMeetingRequest = z.input<typeof createMeetingRequestSchema>;

/** A partial update; the end-after-start rule is checked by the server against the merged record. */
export const updateMeetingRequestSchema = z.strictObject({
  title: meetingFields.title.optional(),
  kind: meetingFields.kind.optional(),
  startsAt: isoInstantSchema.optional(),
  endsAt: isoInstantSchema.optional(),
  location: z.string().max(500).optional(),
  chairId: idSchema.nullable().optional(),
});
export type UpdateMeetingRequest = z.infer<typeof updateMeetingRequestSchema>;
export const meetingResponseSchema = z.strictObject({ meeting: meetingSchema });

/** Largest agenda, items. */
export const MAX_AGENDA_ITEMS = 200;
export const agendaItemInputSchema = z.strictObject({
  id: idSchema,
  /** 1-based; unique within the list. */
  position: z.number().int().min(1).max(MAX_AGENDA_ITEMS),
  title: z.string().trim().min(1).max(1000),
  presenter: z.string().max(300).default(''),
  startsAt: isoInstantSchema.nullable().default(null),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(0),
  summary: z.string().max(10_000).default(''),
});
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;

const unique = <T>(values: T[]): boolean => new Set(values).size === values.length;

/** The whole agenda: items not listed are deleted (their papers move to "other papers"). */
export const setAgendaRequestSchema = z
  .strictObject({ items: z.array(agendaItemInputSchema).max(MAX_AGENDA_ITEMS) })
  .refine((r) => unique(r.items.map((i) => i.id)), {
    message: 'item ids must be unique',
    path: ['items'],
  })
  .refine((r) => unique(r.items.map((i) => i.position)), {
    message: 'positions must be unique',
    path: ['items'],
  });
export type SetAgendaRequest = z.input<typeof setAgendaRequestSchema>;
export const setAgendaResponseSchema = z.strictObject({ items: z.array(agendaItemSchema) });

/** Largest participant list. */
export const MAX_PARTICIPANTS = 500;
export const participantInputSchema = z
  .strictObject({
    userId: idSchema,
    role: z.enum(PARTICIPANT_ROLES),
    substituteFor: idSchema.nullable().default(null),
    mayVote: z.boolean(),
  })
  .refine((p) => p.substituteFor === null || p.role === 'substitute', {
    message: 'only a substitute attends for someone',
    path: ['substituteFor'],
  })
  .refine((p) => p.substituteFor !== p.userId, {
    message: 'nobody substitutes for themselves',
    path: ['substituteFor'],
  });
export type ParticipantInput = z.input<typeof participantInputSchema>;

/** The whole list: people not listed are removed (and lose access to a published meeting). */
export const setParticipantsRequestSchema = z
  .strictObject({ participants: z.array(participantInputSchema).max(MAX_PARTICIPANTS) })
  .refine((r) => unique(r.participants.map((p) => p.userId)), {
    message: 'each user at most once',
    path: ['participants'],
  });
export type SetParticipantsRequest = z.input<typeof setParticipantsRequestSchema>;
export const setParticipantsResponseSchema = z.strictObject({
  participants: z.array(participantSchema),
});

export const createDocumentRequestSchema = z.strictObject({
  id: idSchema,
  /** null: a paper of the meeting as a whole. */
  agendaItemId: idSchema.nullable().default(null),
  title: z.string().trim().min(1).max(1000),
  kind: z.enum(DOCUMENT_KINDS),
  position: z.number().int().min(1).default(1),
  /** The copy policy (documentSchema.copyAllowed); copyable unless said otherwise. */
  copyAllowed: z.boolean().default(true),
});
export type CreateDocumentRequest = z.input<typeof createDocumentRequestSchema>;

export const updateDocumentRequestSchema = z.strictObject({
  agendaItemId: idSchema.nullable().optional(),
  title: z.string().trim().min(1).max(1000).optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  position: z.number().int().min(1).optional(),
  copyAllowed: z.boolean().optional(),
});
export type UpdateDocumentRequest = z.infer<typeof updateDocumentRequestSchema>;

/**
 * A document as the secretariat sees it: `currentVersion` is 0 until the first version is
 * uploaded (such a document is not sent to devices yet).
 */
export const adminDocumentSchema = documentSchema.extend({
  currentVersion: z.number().int().min(0),
});
export type AdminDocument = z.infer<typeof adminDocumentSchema>;
export const documentResponseSchema = z.strictObject({ document: adminDocumentSchema });

export const uploadVersionResponseSchema = z.strictObject({
  document: adminDocumentSchema,
  version: documentVersionSchema,
});
export type UploadVersionResponse = z.infer<typeof uploadVersionResponseSchema>;

/** `?fileName=` of an upload: a display name only, never a path on the server. */
export const uploadFileNameSchema = z.string().min(1).max(255);

/**
 * Who is present at a meeting (the roll call), used for the quorum when a live vote closes:
 * the whole list of present participants (those not listed are absent). Every id must be a
 * participant of the meeting (INVALID_INPUT otherwise).
 */
export const setAttendanceRequestSchema = z
  .strictObject({ present: z.array(idSchema).max(MAX_PARTICIPANTS) })
  .refine((r) => unique(r.present.map((id) => id.toLowerCase())), {
    message: 'each user at most once',
    path: ['present'],
  });
export type SetAttendanceRequest = z.input<typeof setAttendanceRequestSchema>;
export const setAttendanceResponseSchema = z.strictObject({ present: z.array(idSchema) });
