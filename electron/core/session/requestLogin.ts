import {
  errorBodySchema,
  loginResponseSchema,
  type LoginRequest,
  type LoginResponse,
} from '../../../shared/protocol/auth.ts';
import { ROUTES } from '../../../shared/protocol/http.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';

/** How long a login may take before the server counts as unreachable, ms. */
export const LOGIN_TIMEOUT_MS = 15_000;

export type FetchLike = typeof fetch;

/**
 * POST <serverUrl>/api/auth/login. Every failure becomes a typed IpcError:
 * - no answer (refused, DNS, reset, timeout), 5xx, or something that is not our API → SERVER_UNREACHABLE
 * - 401 INVALID_CREDENTIALS → INVALID_CREDENTIALS; 429 → RATE_LIMITED
 * - 426 / PROTOCOL_UNSUPPORTED, a 400 (the server does not understand this client) or a 200
 *   whose body is not a login response → PROTOCOL_UNSUPPORTED
 */
export async function requestLogin(
  fetchImpl: FetchLike,
  serverUrl: string,
  body: LoginRequest,
  timeoutMs = LOGIN_TIMEOUT_MS,
): Promise<LoginResponse> {
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl}${ROUTES.login}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    throw new IpcError('SERVER_UNREACHABLE', `login request failed: ${describeFetchError(error)}`);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  if (response.ok) {
    const parsed = loginResponseSchema.safeParse(json);
    if (!parsed.success)
      throw new IpcError(
        'PROTOCOL_UNSUPPORTED',
        'the server answered login with an unexpected body',
      );
    return parsed.data;
  }
  const code = errorBodySchema.safeParse(json).data?.error.code;
  if (code === 'RATE_LIMITED' || response.status === 429)
    throw new IpcError('RATE_LIMITED', 'too many login attempts');
  if (code === 'PROTOCOL_UNSUPPORTED' || response.status === 426)
    throw new IpcError('PROTOCOL_UNSUPPORTED', 'the server does not speak this protocol version');
  if (code === 'INVALID_CREDENTIALS' || response.status === 401)
    throw new IpcError('INVALID_CREDENTIALS', 'wrong user name or password');
  if (response.status === 400)
    throw new IpcError(
      'PROTOCOL_UNSUPPORTED',
      `the server refused the login request (${code ?? 'no code'})`,
    );
  throw new IpcError('SERVER_UNREACHABLE', `login answered HTTP ${response.status}`);
}

/** A short reason for logs: the errno code (ECONNREFUSED…) or the abort reason. */
export function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code =
      cause && typeof cause === 'object' ? (cause as { code?: unknown }).code : undefined;
    if (typeof code === 'string') return code;
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return error.name;
    return error.message;
  }
  return String(error);
}
