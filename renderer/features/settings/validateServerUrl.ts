import { MAX_SERVER_URL_LENGTH, settingsSchema } from '../../../shared/domain/settings.ts';
import { parseUrl } from '../../../shared/util/url.ts';

/** Why a server URL was refused; each has a message at `validation.serverUrl.<issue>`. */
export type ServerUrlIssue = 'invalid' | 'scheme' | 'credentials' | 'fragment' | 'tooLong';

export type ServerUrlCheck = { ok: true; value: string } | { ok: false; issue: ServerUrlIssue };

/**
 * Checks what the user typed with the same schema the core applies (`settingsSchema.shape
 * .serverUrl`), so the form never accepts what the core would refuse. Blank input means "no
 * server" (''). On success `value` is the normalised URL the core will store. The issue is
 * worked out afterwards only to choose a helpful message; validity is the schema's decision.
 */
export function validateServerUrl(raw: string): ServerUrlCheck {
  const trimmed = raw.trim();
  const parsed = settingsSchema.shape.serverUrl.safeParse(trimmed);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issue: issueOf(trimmed) };
}

function issueOf(trimmed: string): ServerUrlIssue {
  if (trimmed.length > MAX_SERVER_URL_LENGTH) return 'tooLong';
  const url = parseUrl(trimmed);
  if (!url) return 'invalid';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.hash !== '') return 'fragment';
  return 'invalid';
}
