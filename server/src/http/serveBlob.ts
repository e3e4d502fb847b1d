import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Principal } from '../auth/authService.ts';
import { canReadBlob } from '../blobs/canReadBlob.ts';
import { errorFields } from '../log.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { parseRange } from './parseRange.ts';
import { BASE_HEADERS, sendError } from './respond.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * GET/HEAD /api/blobs/:sha256. Streams from disk (never buffered), whole or one range.
 * NOT_FOUND alike for: a malformed hash, no such blob, a blob of no version the caller may see.
 * `If-Range` with another ETag means "send it whole" (the client's partial copy is stale).
 */
export async function serveBlob(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  principal: Principal,
  sha256: string,
): Promise<void> {
  const notFound = new ServerError('NOT_FOUND', 'no such blob');
  if (!SHA256_HEX.test(sha256)) throw notFound;
  if (!(await canReadBlob(ctx.db, principal, sha256))) throw notFound;
  const size = await ctx.blobs.size(sha256);
  if (size === null) {
    ctx.logger.error('blob of a document version is missing on disk', { sha256 });
    throw notFound;
  }

  const etag = `"${sha256}"`;
  const ifRange = req.headers['if-range'];
  const range =
    ifRange !== undefined && ifRange !== etag
      ? { kind: 'none' as const }
      : parseRange(req.headers.range, size);
  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    'Cache-Control': 'private, no-store',
    'Content-Type': 'application/pdf',
    'Accept-Ranges': 'bytes',
    ETag: etag,
  };
  if (range.kind === 'unsatisfiable') {
    sendError(req, res, 'RANGE_NOT_SATISFIABLE', `the blob has ${size} bytes`, {
      'Content-Range': `bytes */${size}`,
    });
    return;
  }
  const start = range.kind === 'range' ? range.start : 0;
  const end = range.kind === 'range' ? range.end : size - 1; // inclusive; -1 for an empty blob
  headers['Content-Length'] = String(end - start + 1);
  if (range.kind === 'range') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range.kind === 'range' ? 206 : 200, headers);
  if (req.method === 'HEAD' || end < start) {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(ctx.blobs.pathOf(sha256), { start, end }), res);
  } catch (error) {
    // Mostly a client that went away mid-transfer; it resumes with a Range request.
    ctx.logger.debug('blob transfer ended early', { sha256, ...errorFields(error) });
    res.destroy();
  }
}
