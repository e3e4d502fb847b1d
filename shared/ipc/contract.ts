import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../domain/settings.ts';
import { idSchema, sha256Schema } from '../domain/ids.ts';
import { userSchema } from '../domain/user.ts';
import { meetingDetailSchema, meetingSummarySchema } from '../domain/offline.ts';
import { MAX_ANNOTATION_BODY } from '../domain/annotation.ts';
import { MAX_COMMENT_LENGTH } from '../domain/comment.ts';
import { stanceSchema } from '../domain/position.ts';
import { voteChoiceSchema, voteSchema } from '../domain/vote.ts';
import {
  commentThreadSchema,
  commentViewSchema,
  meetingPositionsSchema,
  meetingVotesSchema,
  outboxStatusSchema,
  voteViewSchema,
} from '../domain/views.ts';
import {
  annotationCreateInputSchema,
  annotationExportInputSchema,
  annotationExportOutputSchema,
  annotationListSchema,
  annotationReanchorInputSchema,
  annotationReanchorOutputSchema,
  annotationPlaceInputSchema,
  annotationPlaceOutputSchema,
  annotationUpdateInputSchema,
  annotationViewSchema,
} from '../domain/annotationViews.ts';
import {
  annotationCommentBodySchema,
  annotationCommentThreadSchema,
  annotationCommentViewSchema,
} from '../domain/annotationComment.ts';
import {
  readingPositionAnswerSchema,
  readingPositionKeySchema,
  readingPositionQuerySchema,
  readingPositionSchema,
} from '../domain/readingPosition.ts';
import { opinionBallotSchema, opinionViewSchema } from '../domain/opinionBallot.ts';
import { reminderSchema } from '../domain/reminder.ts';
import { evidenceExportInputSchema, evidenceExportOutputSchema } from '../domain/evidenceViews.ts';
import { attendanceViewSchema } from '../domain/attendanceView.ts';
import {
  ballotFollowUpSchema,
  ballotViewSchema,
  certificateImportInputSchema,
  certificateInfoSchema,
  opinionListSchema,
  opinionSignInputSchema,
} from '../domain/opinionViews.ts';
import type { Channel } from './channels.ts';
import { connectionStateSchema } from './events.ts';

const noInput = z.strictObject({});

/**
 * A paper version's verified bytes (base64) with the paper's copy policy, which the reader
 * applies before the member can select anything (documentSchema.copyAllowed).
 */
const paperBytesSchema = z.strictObject({
  sha256: sha256Schema,
  version: z.number().int().min(1),
  base64: z.string(),
  copyAllowed: z.boolean(),
});

/**
 * The IPC contract: every channel the renderer may invoke, with the zod schemas of its input
 * and output. Inputs are strict objects: extra keys are refused, not ignored.
 */
export const contract = {
  'app:info': {
    input: noInput,
    output: z.strictObject({
      version: z.string(),
      /** Which host runs the core: the Electron shell or the browser-mode bridge. */
      host: z.enum(['electron', 'web']),
      platform: z.string(),
    }),
  },
  'settings:get': { input: noInput, output: settingsSchema },
  'settings:set': { input: settingsPatchSchema, output: settingsSchema },
  'shell:openExternal': {
    input: z.strictObject({ url: z.string().max(2048) }),
    /** `opened: false` when the user declined or the URL's scheme is not allowed. */
    output: z.strictObject({ opened: z.boolean() }),
  },
  /** Who is signed in on this device (null when nobody), and to which server.
   * `offlineCacheAvailable` is false when the OS offers no secret store for the data key
   * (Linux `basic_text`): papers are then never cached on disk, only read while online, and the
   * UI should say why "available offline" is not offered. */
  'session:get': {
    input: noInput,
    output: z.strictObject({ user: userSchema.nullable(), serverUrl: z.string(), deviceId: idSchema, offlineCacheAvailable: z.boolean() }),
  },
  /** Signs in against the server URL in settings. Errors: INVALID_CREDENTIALS, RATE_LIMITED,
   * SERVER_UNREACHABLE, NO_SERVER_CONFIGURED, PROTOCOL_UNSUPPORTED. */
  'session:login': {
    input: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(1024) }),
    output: z.strictObject({ user: userSchema }),
  },
  /** Signs out; the local replica stays for the next login of the same user. */
  'session:logout': { input: noInput, output: z.strictObject({}) },
  /** Meetings on this device, newest first; works offline. The replica stays readable after the
   * server ended the session (expired/revoked) for that same user; after an explicit logout, or
   * before anyone signed in, reads answer NOT_LOGGED_IN. */
  'meetings:list': { input: noInput, output: z.strictObject({ meetings: z.array(meetingSummarySchema) }) },
  'meetings:get': { input: z.strictObject({ meetingId: idSchema }), output: meetingDetailSchema },
  /** Queues every current paper of the meeting for the encrypted cache. Returns at once;
   * progress comes as `download:progress` events. `queued: 0` when everything is cached already,
   * or when the offline cache is unavailable (see `session:get`). The meeting stays marked for
   * offline use: new current versions are fetched after later syncs. */
  'documents:download': {
    input: z.strictObject({ meetingId: idSchema }),
    output: z.strictObject({ queued: z.number().int().min(0) }),
  },
  /** The current version's bytes, verified against its SHA-256 before they leave the core.
   * Errors: NOT_CACHED (offline and not downloaded), INTEGRITY_FAILED, NOT_FOUND. */
  'documents:read': {
    input: z.strictObject({ documentId: idSchema }),
    output: paperBytesSchema,
  },
  /** Asks for a pull now (e.g. the user pressed "sync"). */
  'sync:now': { input: noInput, output: z.strictObject({ started: z.boolean() }) },
  /** The connection state now, for the renderer's first paint; changes then come as
   * `connection:state` events. */
  'connection:get': { input: noInput, output: connectionStateSchema },
  // What members write (workflows 2 and 3). Writes are durable at once and work offline: they
  // are stored on the device with the change queued for the server (the outbox), shown as
  // `pending` until the server acknowledges them, and undone with a `rejection` if it refuses.
  // Reads answer NOT_LOGGED_IN like meetings:list; an unknown item, meeting or vote NOT_FOUND.

  /** The item's comments in thread order, with author names and pending/refused flags. */
  'comments:list': {
    input: z.strictObject({ agendaItemId: idSchema }),
    output: commentThreadSchema,
  },
  /** Errors: NOT_FOUND (item, or a parent not on this item). Body: plain text, trimmed. */
  'comments:create': {
    input: z.strictObject({
      agendaItemId: idSchema,
      parentId: idSchema.nullable(),
      body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
    }),
    output: commentViewSchema,
  },
  /** Only the author: NOT_AUTHOR otherwise; NOT_FOUND for an unknown or deleted comment. */
  'comments:edit': {
    input: z.strictObject({ id: idSchema, body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH) }),
    output: commentViewSchema,
  },
  /** Only the author (NOT_AUTHOR); the comment keeps its place with an empty body. */
  'comments:delete': { input: z.strictObject({ id: idSchema }), output: commentViewSchema },
  /** My position per item; for the secretariat also the aggregate and the consent list. */
  'positions:get': {
    input: z.strictObject({ meetingId: idSchema }),
    output: meetingPositionsSchema,
  },
  /** Errors: MEETING_STARTED when the meeting's start has passed by the last known server time
   * (the server decides for real, by its own clock). Returns the meeting's positions. */
  'positions:set': {
    input: z.strictObject({
      agendaItemId: idSchema,
      stance: stanceSchema,
      note: z.string().max(2000),
    }),
    output: meetingPositionsSchema,
  },
  /** The meeting's votes with live counts, my ballot (pending or counted) and the result. */
  'votes:list': { input: z.strictObject({ meetingId: idSchema }), output: meetingVotesSchema },
  /** Casts or changes my ballot while the vote is open. Errors: VOTING_CLOSED (closed as far as
   * this device knows; the server decides by its clock), NOT_ELIGIBLE. */
  'votes:cast': {
    input: z.strictObject({ voteId: idSchema, choice: voteChoiceSchema }),
    output: voteViewSchema,
  },
  /** Secretariat, online only (never queued). Errors: SERVER_UNREACHABLE (offline or no answer),
   * FORBIDDEN (not secretariat), NOT_FOUND, CONFLICT. */
  'votes:open': {
    input: z.strictObject({ agendaItemId: idSchema, question: z.string().trim().min(1).max(2000) }),
    output: z.strictObject({ vote: voteSchema }),
  },
  /** Secretariat, online only. Returns the closed vote with its result. */
  'votes:close': {
    input: z.strictObject({ voteId: idSchema }),
    output: z.strictObject({ vote: voteSchema }),
  },
  /** Who is recorded present at the meeting and whether the quorum is reached; works offline. */
  'attendance:get': { input: z.strictObject({ meetingId: idSchema }), output: attendanceViewSchema },
  /** Secretariat, online only: the roll call, the whole list of participants present.
   * Errors: SERVER_UNREACHABLE, FORBIDDEN, NOT_FOUND, INVALID_INPUT (not a participant),
   * CONFLICT (the meeting is closed). Returns the attendance as it now stands. */
  'attendance:set': {
    input: z.strictObject({ meetingId: idSchema, present: z.array(idSchema).max(10_000) }),
    output: attendanceViewSchema,
  },
  /** Pending count, refused changes, last push time and error, protocol state. */
  'outbox:status': { input: noInput, output: outboxStatusSchema },
  /** Forgets a refused change (NOT_FOUND if it is not a refused one). Returns the new status. */
  'outbox:dismiss': {
    input: z.strictObject({ mutationId: z.number().int().min(1) }),
    output: outboxStatusSchema,
  },
  // Annotations on papers (shared/domain/annotation.ts): durable local writes like comments.
  /** Mine and the shared ones this device received, with author names and pending flags. */
  'annotations:list': {
    input: z.strictObject({ documentId: idSchema }),
    output: annotationListSchema,
  },
  /** Errors: NOT_FOUND (document, or a version not on this device). */
  'annotations:create': { input: annotationCreateInputSchema, output: annotationViewSchema },
  /** Only the author (NOT_AUTHOR); the kind never changes (INVALID_INPUT). */
  'annotations:update': { input: annotationUpdateInputSchema, output: annotationViewSchema },
  /** Only the author (NOT_AUTHOR). */
  'annotations:delete': {
    input: z.strictObject({ id: idSchema }),
    output: z.strictObject({ id: idSchema }),
  },
  /** Undoes my deletion: the annotation lives again under its id with `body`, its comments
   * return. Only the author (NOT_AUTHOR); NOT_FOUND when this device does not have it. */
  'annotations:restore': {
    input: z.strictObject({ id: idSchema, body: z.string().max(MAX_ANNOTATION_BODY) }),
    output: annotationViewSchema,
  },
  /** Places text annotations of other versions onto `version` from its page texts; never drops. */
  'annotations:reanchor': {
    input: annotationReanchorInputSchema,
    output: annotationReanchorOutputSchema,
  },
  /** My annotations on the current version: PDF with standard annotations, or W3C JSON-LD. */
  'annotations:export': {
    input: annotationExportInputSchema,
    output: annotationExportOutputSchema,
  },
  /** Makes re-anchored placements of my text annotations durable (annotation.reanchor through
   * the outbox), once each: others' annotations, ones already on `version` or newer, and ones
   * with a change of theirs still queued are skipped. Errors: NOT_FOUND (document, version). */
  'annotations:place': { input: annotationPlaceInputSchema, output: annotationPlaceOutputSchema },
  /** The comments on an annotation this device can see, in thread order, with pending and
   * refused flags. Errors: NOT_FOUND (an annotation not on this device). */
  'annotationComments:list': {
    input: z.strictObject({ annotationId: idSchema }),
    output: annotationCommentThreadSchema,
  },
  /** Errors: NOT_FOUND (annotation, or a parent not on it). Body: plain text, trimmed. */
  'annotationComments:create': {
    input: z.strictObject({
      annotationId: idSchema,
      parentId: idSchema.nullable(),
      body: annotationCommentBodySchema,
    }),
    output: annotationCommentViewSchema,
  },
  /** Only the author (NOT_AUTHOR); NOT_FOUND for an unknown or deleted comment. */
  'annotationComments:edit': {
    input: z.strictObject({ id: idSchema, body: annotationCommentBodySchema }),
    output: annotationCommentViewSchema,
  },
  /** Only the author (NOT_AUTHOR); the comment keeps its place with an empty body. */
  'annotationComments:delete': {
    input: z.strictObject({ id: idSchema }),
    output: annotationCommentViewSchema,
  },
  /** One version's bytes (e.g. the one I annotated, to show what changed), verified against its
   * SHA-256. Errors: NOT_FOUND (document or version), NOT_CACHED, INTEGRITY_FAILED. */
  'documents:readVersion': {
    input: z.strictObject({ documentId: idSchema, version: z.number().int().min(1) }),
    output: paperBytesSchema,
  },
  /** Where the signed-in member left the paper, and for which file (see the schemas). */
  'readingPositions:get': {
    input: readingPositionQuerySchema,
    output: readingPositionAnswerSchema,
  },
  /** Remembers where the member is in the paper (the renderer debounces the calls). */
  'readingPositions:set': {
    input: readingPositionKeySchema.extend({ position: readingPositionSchema }),
    output: z.strictObject({}),
  },
  // Written opinions (workflow 4). The signing key stays in the core, sealed at rest.
  /** Opens the PKCS#12 with its password and keeps it sealed on this device; nothing is kept on
   * failure. Errors: PKCS12_WRONG_PASSWORD, PKCS12_TAMPERED, PKCS12_INVALID. */
  'certificates:import': { input: certificateImportInputSchema, output: certificateInfoSchema },
  'certificates:get': {
    input: noInput,
    output: z.strictObject({ certificate: certificateInfoSchema.nullable() }),
  },
  /** Ballots this device received (mine as a member; all as secretariat), nearest deadline first. */
  'ballots:list': { input: noInput, output: z.strictObject({ ballots: z.array(ballotViewSchema) }) },
  'ballots:get': { input: z.strictObject({ ballotId: idSchema }), output: ballotViewSchema },
  /** Signs over the ballot's document versions on this device and queues it (works offline).
   * Errors: NO_CERTIFICATE, PKCS12_WRONG_PASSWORD, NOT_FOUND, INVALID_INPUT, BALLOT_CLOSED (the
   * ballot is closed as this device knows it). */
  'opinions:sign': { input: opinionSignInputSchema, output: opinionViewSchema },
  'opinions:list': { input: z.strictObject({ ballotId: idSchema }), output: opinionListSchema },
  /** Secretariat: per member answered/verified/refused/not yet, and the result so far. */
  'ballots:followUp': { input: z.strictObject({ ballotId: idSchema }), output: ballotFollowUpSchema },
  /** Secretariat, online only (never queued): closes the ballot; the server stores its result
   * and refuses later opinions BALLOT_CLOSED. Idempotent. Errors: SERVER_UNREACHABLE,
   * FORBIDDEN (not secretariat), NOT_FOUND. */
  'ballots:close': {
    input: z.strictObject({ ballotId: idSchema }),
    output: z.strictObject({ ballot: opinionBallotSchema }),
  },
  /** Secretariat, online only: reminds the members named (or all who have not answered) by an
   * in-app notice on their devices. Returns who was reminded (those who answered are skipped).
   * Errors: SERVER_UNREACHABLE, FORBIDDEN, NOT_FOUND, CONFLICT (closed), INVALID_INPUT. */
  'ballots:remind': {
    input: z.strictObject({ ballotId: idSchema, memberIds: z.array(idSchema).min(1).max(1000).optional() }),
    output: z.strictObject({ memberIds: z.array(idSchema) }),
  },
  /** My reminders not dismissed on this device, newest first (works offline). */
  'reminders:list': { input: noInput, output: z.strictObject({ reminders: z.array(reminderSchema) }) },
  /** Dismisses a reminder on this device only. Returns the remaining ones. Errors: NOT_FOUND. */
  'reminders:dismiss': {
    input: z.strictObject({ id: idSchema }),
    output: z.strictObject({ reminders: z.array(reminderSchema) }),
  },
  /** Secretariat, online: builds the ballot's evidence export (docs/evidence-export.md) and signs
   * its report with this device's certificate; progress as `evidence:progress`. Errors:
   * FORBIDDEN, NO_CERTIFICATE, PKCS12_WRONG_PASSWORD, NOT_LOGGED_IN, SERVER_UNREACHABLE, NOT_FOUND. */
  'ballots:exportEvidence': { input: evidenceExportInputSchema, output: evidenceExportOutputSchema },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
