import type { RawData, WebSocket } from 'ws';
import type { Dispatch } from '../../shared/ipc/dispatch.ts';
import { parseRequestFrame, type ReplyFrame } from '../../shared/ipc/webBridgeProtocol.ts';
import { err } from '../../shared/util/result.ts';
import type { Logger } from '../core/log/logger.ts';

/** Calls one connection may have in flight at once; further calls are answered NOT_AVAILABLE. */
export const MAX_IN_FLIGHT_PER_CONNECTION = 64;

/**
 * Serves one authenticated bridge connection: each text frame `{ id, channel, input }` goes
 * through the core's dispatcher and is answered `{ id, result }`. Nothing a page sends can throw
 * out of here: malformed frames are answered with INVALID_INPUT and the connection stays open.
 * `dispatch` is looked up per call so a core restarted underneath keeps serving open pages.
 */
export function serveBridgeConnection(
  socket: WebSocket,
  dispatch: () => Dispatch,
  log: Logger,
): void {
  let inFlight = 0;

  const send = (reply: ReplyFrame): void => {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify(reply), (error) => {
      if (error) log.warn('bridge reply not sent', { error: error.message });
    });
  };

  const handle = async (text: string): Promise<void> => {
    const parsed = parseRequestFrame(text);
    if (!parsed.ok) {
      send(parsed.reply);
      return;
    }
    const { id, channel, input } = parsed.frame;
    if (inFlight >= MAX_IN_FLIGHT_PER_CONNECTION) {
      send({ id, result: err('NOT_AVAILABLE', 'too many calls in flight') });
      return;
    }
    inFlight += 1;
    try {
      send({ id, result: await dispatch()(channel, input) });
    } finally {
      inFlight -= 1;
    }
  };

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      send({
        id: null,
        result: err('INVALID_INPUT', 'malformed frame: binary frames are not accepted'),
      });
      return;
    }
    const bytes = Array.isArray(data)
      ? Buffer.concat(data)
      : data instanceof ArrayBuffer
        ? Buffer.from(data)
        : data;
    const text = bytes.toString('utf8');
    handle(text).catch((error: unknown) => {
      // Unreachable by contract (dispatch never throws); kept so a bug cannot crash the host.
      log.error('bridge frame failed', { error: String(error) });
    });
  });

  // `ws` emits 'error' for protocol violations (e.g. a frame over maxPayload) and then closes
  // the socket; without a listener the error would be thrown and take the host down.
  socket.on('error', (error) => log.warn('bridge connection error', { error: error.message }));
}
