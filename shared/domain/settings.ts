import { z } from 'zod';
import { parseUrl } from '../util/url.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/** Longest server URL we accept, in characters. */
export const MAX_SERVER_URL_LENGTH = 2048;

/**
 * A server URL: http or https only, no credentials, no fragment. Stored normalised
 * (origin plus path, without a trailing slash) so that equal servers compare equal.
 */
export const serverUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_SERVER_URL_LENGTH)
  .refine((raw) => {
    const url = parseUrl(raw);
    if (!url) return false;
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' && url.hash === '';
  }, 'must be an http(s) URL without credentials or fragment')
  .transform((raw) => {
    const url = parseUrl(raw);
    if (!url) return raw; // unreachable: refine() above already parsed it
    const path = url.pathname.replace(/\/+$/, '');
    return `${url.origin}${path}`;
  });

export const settingsSchema = z.strictObject({
  /** Empty string: no server configured yet (npm start then uses the embedded one). */
  serverUrl: z.union([z.literal(''), serverUrlSchema]),
  language: languageSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = { serverUrl: '', language: 'vi' };
