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
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.username === '' &&
      url.password === '' &&
      url.hash === '' &&
      url.search === '' &&
      isPlainHostname(url.hostname)
    );
  }, 'must be an http(s) URL without credentials, query or fragment')
  .transform((raw) => {
    const url = parseUrl(raw);
    if (!url) return raw; // unreachable: refine() above already parsed it
    const path = url.pathname.replace(/\/+$/, '');
    return `${url.origin}${path}`;
  });

/**
 * Hostnames as the URL parser normalises them: DNS labels (IDNs arrive as punycode), IPv4, or
 * a bracketed IPv6 literal. WHATWG URL lets characters such as `;`, `'` and `*` through in
 * hosts; refusing them keeps a stored server origin safe to place in a CSP header.
 */
export function isPlainHostname(hostname: string): boolean {
  if (/^\[[0-9a-f:.]+\]$/i.test(hostname)) return true;
  return /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(hostname);
}

export const settingsSchema = z.strictObject({
  /** Empty string: no server configured yet (npm start then uses the embedded one). */
  serverUrl: z.union([z.literal(''), serverUrlSchema]),
  language: languageSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = { serverUrl: '', language: 'vi' };
