import { parseUrl } from '../../shared/util/url.ts';
import type { PdfDestination, PdfLink } from './pdfTypes.ts';

/**
 * Schemes a link in a paper may offer to open outside the app — the same allow-list as the
 * shell's `externalUrlPolicy` (which checks again and asks the member before opening).
 */
const EXTERNAL_SCHEMES: readonly string[] = ['https:', 'mailto:'];

export type LinkAction =
  | { kind: 'external'; url: string }
  | { kind: 'internal'; destination: PdfDestination }
  | { kind: 'inert' };

/** `raw` as an absolute https/mailto URL without credentials; null for anything else. */
export function allowedExternalUrl(raw: string | null): string | null {
  if (raw === null) return null;
  const url = parseUrl(raw.trim());
  if (!url || !EXTERNAL_SCHEMES.includes(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

/**
 * What clicking a link may do: go to a place in this document, offer an https/mailto address
 * to the host, or nothing at all (javascript:, file:, http:, launch and named actions…).
 * An inert link is not rendered, so there is nothing to click.
 */
export function linkAction(link: Pick<PdfLink, 'url' | 'destination'>): LinkAction {
  if (link.destination) return { kind: 'internal', destination: link.destination };
  const url = allowedExternalUrl(link.url);
  return url === null ? { kind: 'inert' } : { kind: 'external', url };
}
