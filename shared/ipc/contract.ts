import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../domain/settings.ts';
import type { Channel } from './channels.ts';

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
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
