import { invoke } from '../ipc/invoke.ts';

/** Where an export goes: the desktop app's core writes a file; browser mode downloads it. */
export type ExportTarget = 'file' | 'download';

/** `file` under the desktop app (its core writes into the exports folder), else `download`. */
export async function exportTarget(): Promise<ExportTarget> {
  const info = await invoke('app:info', {});
  return info.ok && info.value.host === 'electron' ? 'file' : 'download';
}

/**
 * Hands `bytes` to the browser as a download named `fileName` and returns the object URL, for
 * a "download again" link. The caller revokes it (URL.revokeObjectURL) when no longer shown.
 */
export function offerDownload(bytes: Uint8Array, fileName: string, mediaType: string): string {
  const href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mediaType }));
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.click();
  return href;
}
