import { randomUUID } from 'node:crypto';
import { loginResponseSchema } from '../../../shared/protocol/auth.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import { demo } from './demoData.ts';

/** A bearer token for `account` on the server at `serverUrl` (a fresh device id each time). */
export async function loginToken(
  serverUrl: string,
  account: { username: string; password: string } = demo.secretariat,
): Promise<string> {
  const res = await fetch(new URL('/api/auth/login', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: account.username,
      password: account.password,
      deviceId: randomUUID(),
      deviceName: 'e2e secretariat uploader',
      protocolVersion: PROTOCOL_VERSION,
    }),
  });
  if (!res.ok) throw new Error(`login as ${account.username} failed: HTTP ${res.status}`);
  return loginResponseSchema.parse(await res.json()).token;
}

/**
 * Publishes `bytes` as the next version of document `documentId`, as the secretariat does:
 * POST /api/admin/documents/:id/versions (server/src/http/uploadVersion.ts). Throws with the
 * server's answer unless it was accepted (201).
 */
export async function uploadPaperVersion(
  serverUrl: string,
  documentId: string,
  bytes: Uint8Array,
  fileName: string,
): Promise<void> {
  const token = await loginToken(serverUrl);
  const url = new URL(`/api/admin/documents/${documentId}/versions`, serverUrl);
  url.searchParams.set('fileName', fileName);
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
    body: new Uint8Array(bytes),
  });
  if (res.status !== 201)
    throw new Error(`upload of ${fileName} refused: HTTP ${res.status} ${await res.text()}`);
}
