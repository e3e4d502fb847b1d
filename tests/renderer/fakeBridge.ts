import {
  settingsPatchSchema,
  settingsSchema,
  DEFAULT_SETTINGS,
  type Settings,
} from '../../shared/domain/settings.ts';
import type { EcabinetBridge } from '../../shared/ipc/bridge.ts';
import type { Channel, EventName } from '../../shared/ipc/channels.ts';

/** A fake handler: returns exactly what crosses the bridge, possibly malformed on purpose. */
export type FakeHandler = (input: unknown) => unknown;

export interface FakeBridge extends EcabinetBridge {
  /** Every invoke, in order. */
  readonly calls: Array<{ channel: Channel; input: unknown }>;
  /** The settings the fake core holds. */
  settings: Settings;
  /** Replaces the answer of one channel (until replaced again or cleared with undefined). */
  override(channel: Channel, handler: FakeHandler | undefined): void;
  /** Pushes an event to every listener, as the host would. */
  emit(event: EventName, payload: unknown): void;
  listenerCount(event: EventName): number;
}

/**
 * A stand-in for `window.ecabinet` that behaves like the core for settings: `settings:get`
 * returns the stored value, `settings:set` validates the patch with the shared schema, stores
 * it, emits `settings:changed` and returns the result. Any other channel is NOT_AVAILABLE.
 */
export function createFakeBridge(initial: Partial<Settings> = {}): FakeBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const overrides = new Map<Channel, FakeHandler>();
  const calls: Array<{ channel: Channel; input: unknown }> = [];

  function emit(event: EventName, payload: unknown): void {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  function core(channel: Channel, input: unknown): unknown {
    if (channel === 'settings:get') return { ok: true, value: fake.settings };
    if (channel === 'settings:set') {
      const patch = settingsPatchSchema.safeParse(input);
      if (!patch.success)
        return { ok: false, error: { code: 'INVALID_INPUT', message: patch.error.message } };
      const defined = Object.fromEntries(
        Object.entries(patch.data).filter(([, v]) => v !== undefined),
      );
      fake.settings = settingsSchema.parse({ ...fake.settings, ...defined });
      emit('settings:changed', fake.settings);
      return { ok: true, value: fake.settings };
    }
    return { ok: false, error: { code: 'NOT_AVAILABLE', message: `${channel} not faked` } };
  }

  const fake: FakeBridge = {
    env: { host: 'web', platform: 'test' },
    calls,
    settings: { ...DEFAULT_SETTINGS, ...initial },
    // Always asynchronous, like the real hosts: answers arrive after the caller yields.
    invoke: ((channel: Channel, input: unknown) => {
      calls.push({ channel, input });
      const handler = overrides.get(channel);
      return Promise.resolve().then(() => (handler ? handler(input) : core(channel, input)));
    }) as EcabinetBridge['invoke'],
    on: ((event: EventName, listener: (payload: unknown) => void) => {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    }) as EcabinetBridge['on'],
    override(channel, handler) {
      if (handler) overrides.set(channel, handler);
      else overrides.delete(channel);
    },
    emit,
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
  return fake;
}
