import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../domain/settings.ts';
import { idSchema, sha256Schema } from '../domain/ids.ts';
import { userSchema } from '../domain/user.ts';
import { meetingDetailSchema, meetingSummarySchema } from '../domain/offline.ts';
import type { Channel } from './channels.ts';
import { connectionStateSchema } from './events.ts';

const noInput = z.strictObject({});

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
    output: z.strictObject({ sha256: sha256Schema, version: z.number().int().min(1), base64: z.string() }),
  },
  /** Asks for a pull now (e.g. the user pressed "sync"). */
  'sync:now': { input: noInput, output: z.strictObject({ started: z.boolean() }) },
  /** The connection state now, for the renderer's first paint; changes then come as
   * `connection:state` events. */
  'connection:get': { input: noInput, output: connectionStateSchema },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
