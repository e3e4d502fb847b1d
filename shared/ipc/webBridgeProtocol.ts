import { isEventName, type EventName } from './channels.ts';
import { IPC_ERROR_CODES, type IpcErrorCode } from './errors.ts';
import { err, type Result } from '../util/result.ts';

/**
 * The wire protocol of the browser-mode bridge: `window.ecabinet` carried over one WebSocket
 * between the page and the web host (electron/webhost). Text frames of JSON only.
 *
 *   page → host  { id, channel, input }     one IPC call; `id` is chosen by the page
 *   host → page  { id, result }             the dispatcher's Result for that call; `id: null`
 *                                           when the frame was too malformed to carry an id
 *   host → page  { event, payload }         one core event, pushed to every connected page
 */

/** Path of the bridge WebSocket on the web host. */
export const WEB_BRIDGE_PATH = '/bridge';

/** Query parameter carrying the per-launch secret, on the page URL and on the WebSocket URL. */
export const WEB_BRIDGE_SECRET_PARAM = 's';

/** Largest frame either side accepts, in bytes (1 MiB). A larger one closes the socket (1009). */
export const WEB_BRIDGE_MAX_FRAME_BYTES = 1024 * 1024;

export interface RequestFrame {
  /** Positive safe integer, unique among the page's calls in flight on this connection. */
  readonly id: number;
  /** Still `unknown`: the dispatcher refuses names outside the contract. */
  readonly channel: unknown;
  readonly input: unknown;
}

export interface ReplyFrame {
  readonly id: number | null;
  readonly result: Result<unknown, IpcErrorCode>;
}

export interface EventFrame {
  readonly event: EventName;
  readonly payload: unknown;
}

const REQUEST_KEYS: ReadonlySet<string> = new Set(['id', 'channel', 'input']);
const errorCodes: ReadonlySet<string> = new Set(IPC_ERROR_CODES);

export function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Host side: parses one text frame from the page. Either a request to dispatch, or the reply
 * to send back at once (with the request's id when it could be read, else `null`).
 */
export function parseRequestFrame(
  text: string,
): { ok: true; frame: RequestFrame } | { ok: false; reply: ReplyFrame } {
  const value = parseJson(text);
  if (!isRecord(value))
    return {
      ok: false,
      reply: { id: null, result: err('INVALID_INPUT', 'malformed frame: expected a JSON object') },
    };
  const id = value['id'];
  if (!isRequestId(id))
    return {
      ok: false,
      reply: {
        id: null,
        result: err('INVALID_INPUT', 'malformed frame: id must be a positive integer'),
      },
    };
  if (!Object.keys(value).every((key) => REQUEST_KEYS.has(key))) {
    return {
      ok: false,
      reply: { id, result: err('INVALID_INPUT', 'malformed frame: unexpected key') },
    };
  }
  return { ok: true, frame: { id, channel: value['channel'], input: value['input'] } };
}

function isResult(value: unknown): value is Result<unknown, IpcErrorCode> {
  if (!isRecord(value)) return false;
  if (value['ok'] === true) return 'value' in value;
  if (value['ok'] !== false) return false;
  const error = value['error'];
  return (
    isRecord(error) &&
    typeof error['code'] === 'string' &&
    errorCodes.has(error['code']) &&
    typeof error['message'] === 'string'
  );
}

/** Page side: parses one text frame from the host; null when it is neither a reply nor an event. */
export function parseHostFrame(
  text: string,
): { kind: 'reply'; frame: ReplyFrame } | { kind: 'event'; frame: EventFrame } | null {
  const value = parseJson(text);
  if (!isRecord(value)) return null;
  if ('event' in value) {
    const event = value['event'];
    return isEventName(event)
      ? { kind: 'event', frame: { event, payload: value['payload'] } }
      : null;
  }
  const id = value['id'];
  if (id !== null && !isRequestId(id)) return null;
  const result = value['result'];
  return isResult(result) ? { kind: 'reply', frame: { id, result } } : null;
}
