import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AnnotationExport } from '../../../shared/domain/annotationViews.ts';

/**
 * Writes an annotation export into `exportDir` (created if missing) under its own file name,
 * replacing an earlier export of the same version, and returns it with that path.
 */
export async function saveAnnotationExport(
  exported: AnnotationExport,
  exportDir: string,
): Promise<AnnotationExport> {
  await mkdir(exportDir, { recursive: true });
  // The name is the core's own, never the renderer's; basename keeps it inside the folder.
  const path = join(exportDir, basename(exported.fileName));
  await writeFile(path, Buffer.from(exported.base64, 'base64'));
  return { ...exported, path };
}
