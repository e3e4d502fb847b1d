import type { IncomingMessage } from 'node:http';
import { ServerError } from '../ServerError.ts';

/**
 * Reads a JSON request body of at most `maxBytes`, refusing as soon as it is known to be
 * larger (by Content-Length, or while streaming). An empty body reads as `{}`. The result is
 * `unknown`: the caller parses it with zod.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes)
    throw new ServerError('PAYLOAD_TOO_LARGE', `JSON bodies are limited to ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<
    Buffer | string
  >) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxBytes)
      throw new ServerError('PAYLOAD_TOO_LARGE', `JSON bodies are limited to ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  if (size === 0) return {};
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new ServerError('INVALID_INPUT', 'send JSON with Content-Type: application/json');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new ServerError('INVALID_INPUT', 'the body is not valid JSON');
  }
}
