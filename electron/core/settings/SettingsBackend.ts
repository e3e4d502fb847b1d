/**
 * Where settings live. The Electron shell backs it with electron-store; browser mode and tests
 * with `conf` over the same JSON file format. Values read back are `unknown` until parsed.
 */
export interface SettingsBackend {
  /** The whole stored object, unparsed; `undefined` when nothing was stored yet. */
  read(): unknown;
  /** Replaces the stored object atomically (both libraries write a temp file and rename). */
  write(value: Record<string, unknown>): void;
}
