/** Longest display name kept, characters. */
const MAX_LENGTH = 255;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/**
 * A file name as shown to people: the last path segment only (for `/` and `\`), without control
 * characters, trimmed, at most 255 characters; `document.pdf` when nothing is left. Files are
 * stored by hash, so this name is never used as a path.
 */
export function displayFileName(raw: string | null): string {
  if (raw === null) return 'document.pdf';
  const lastSegment = raw.split(/[/\\]/).at(-1) ?? '';
  const cleaned = lastSegment.replace(CONTROL_CHARACTERS, '').trim().slice(0, MAX_LENGTH);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'document.pdf' : cleaned;
}
