import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UploadVersionResponse } from '../../../shared/protocol/admin.ts';
import { actorOf, type Principal } from '../auth/authService.ts';
import { addDocumentVersion, findDocument } from '../meetings/documentService.ts';
import { inspectPdf } from '../pdf/inspectPdf.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { displayFileName } from './displayFileName.ts';
import { refreshBallotsOfDocument } from '../opinions/ballotService.ts';
import { sendJson } from './respond.ts';

const PDF_TYPES = /^application\/(pdf|octet-stream)\s*(;|$)/i;

/**
 * POST /api/admin/documents/:id/versions?fileName=… with the PDF as the raw body.
 * 1. Cheap refusals before reading a byte: unknown document, wrong type, declared size over
 *    the limit (413).
 * 2. Stream to a temp file while hashing; 413 as soon as the limit is crossed.
 * 3. Inspect the file (magic bytes, %%EOF, encryption, pages); 422 INVALID_PDF / ENCRYPTED_PDF.
 * 4. Move it to its content address, then record the version (one transaction).
 * A blob stored in step 4 whose transaction then fails stays unreferenced (never served).
 */
export async function uploadVersion(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  principal: Principal,
  documentId: string,
  url: URL,
): Promise<void> {
  await findDocument(ctx.db, documentId);
  if (!PDF_TYPES.test(req.headers['content-type'] ?? '')) {
    throw new ServerError('INVALID_INPUT', 'send the PDF bytes with Content-Type: application/pdf');
  }
  const limit = ctx.config.maxUploadBytes;
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit)
    throw new ServerError('PAYLOAD_TOO_LARGE', `uploads are limited to ${limit} bytes`);

  const staged = await ctx.blobs.stage(req.iterator({ destroyOnReturn: false }), limit);
  try {
    const inspection = await inspectPdf(staged.tempPath);
    if (!inspection.ok) throw new ServerError(inspection.code, inspection.message);
    await ctx.blobs.commit(staged);
    const result: UploadVersionResponse = await addDocumentVersion(
      ctx,
      actorOf(principal),
      documentId,
      {
        sha256: staged.sha256,
        size: staged.size,
        pageCount: inspection.pageCount,
        fileName: displayFileName(url.searchParams.get('fileName')),
      },
    );
    // Ballots on this document now ask for the new version: re-send them to their members.
    await refreshBallotsOfDocument(ctx, actorOf(principal), documentId);
    sendJson(res, 201, result);
  } finally {
    await ctx.blobs.discard(staged); // no-op once committed (the temp file was renamed)
  }
}
