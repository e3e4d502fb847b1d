/** Schemes a link may open outside the app, and only after the user confirms. */
export const EXTERNAL_SCHEMES = ['https:', 'mailto:'] as const;

/** Parses `raw` and returns the URL if it may be opened externally, otherwise null. */
export function allowedExternalUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!(EXTERNAL_SCHEMES as readonly string[]).includes(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

export interface ExternalOpener {
  /** Asks the user; resolves true only on an explicit yes. */
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

/** The only way the app opens anything outside itself: allow-list, then confirm, then open. */
export async function openExternalSafely(raw: string, opener: ExternalOpener): Promise<boolean> {
  const url = allowedExternalUrl(raw);
  if (!url) return false;
  const href = url.href;
  if (!(await opener.confirm(href))) return false;
  await opener.open(href);
  return true;
}
