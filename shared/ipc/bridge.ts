import type { Channel, EventName } from './channels.ts';
import type { ChannelInput, ChannelOutput } from './contract.ts';
import type { EventPayload } from './events.ts';
import type { IpcErrorCode } from './errors.ts';
import type { Result } from '../util/result.ts';

/** Static facts about the host, frozen by the preload (or the browser bridge). */
export interface BridgeEnv {
  readonly host: 'electron' | 'web';
  readonly platform: string;
}

/** What `window.ecabinet` is: the only thing the renderer gets from its host. */
export interface EcabinetBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>, IpcErrorCode>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  readonly env: BridgeEnv;
}
