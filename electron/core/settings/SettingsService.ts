import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/domain/settings.ts';
import type { EventHub } from '../events/EventHub.ts';
import type { Logger } from '../log/logger.ts';
import type { SettingsBackend } from './SettingsBackend.ts';

/**
 * The settings capability. What is on disk is `unknown` until parsed: a file edited by hand or
 * written by an older version falls back to the defaults field by field, never crashes start-up.
 */
export class SettingsService {
  private current: Settings;
  private readonly backend: SettingsBackend;
  private readonly events: EventHub;
  private readonly log: Logger;

  constructor(backend: SettingsBackend, events: EventHub, log: Logger) {
    this.backend = backend;
    this.events = events;
    this.log = log;
    this.current = this.load();
  }

  get(): Settings {
    return this.current;
  }

  /** Applies an already-parsed patch, persists it, and announces the change. */
  set(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.current, ...stripUndefined(patch) });
    this.backend.write({ ...next });
    this.current = next;
    this.events.emit('settings:changed', next);
    return next;
  }

  private load(): Settings {
    const raw = this.backend.read();
    if (raw === undefined) return DEFAULT_SETTINGS;
    const whole = settingsSchema.safeParse(raw);
    if (whole.success) return whole.data;
    this.log.warn('stored settings invalid; keeping valid fields', { issues: whole.error.issues.length });
    const merged: Settings = { ...DEFAULT_SETTINGS };
    if (raw !== null && typeof raw === 'object') {
      const record = raw as Record<string, unknown>;
      const server = settingsSchema.shape.serverUrl.safeParse(record['serverUrl']);
      if (server.success) merged.serverUrl = server.data;
      const language = settingsSchema.shape.language.safeParse(record['language']);
      if (language.success) merged.language = language.data;
    }
    return merged;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
