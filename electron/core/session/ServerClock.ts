import type { DatabaseSync } from 'node:sqlite';
import { intOf } from '../store/rowValues.ts';

/**
 * The server's clock as this device last saw it (the login answer's `serverTime`), kept as an
 * offset from the device clock so it survives restarts and follows a device clock that is
 * simply set wrong. Used for local, advisory checks only (e.g. refusing a position once the
 * meeting has started): the server decides every deadline by its own clock.
 */
export class ServerClock {
  private readonly db: DatabaseSync;
  private readonly deviceNow: () => number;

  constructor(db: DatabaseSync, deviceNow: () => number) {
    this.db = db;
    this.deviceNow = deviceNow;
  }

  /** Records the server time `serverMs` (epoch ms) observed now. */
  observe(serverMs: number): void {
    const now = this.deviceNow();
    this.db
      .prepare('INSERT OR REPLACE INTO server_clock (id, offset_ms, observed_at) VALUES (1, ?, ?)')
      .run(Math.round(serverMs - now), now);
  }

  /** Server time minus device time, ms (0 when the server was never seen). */
  offsetMs(): number {
    const row = this.db.prepare('SELECT offset_ms FROM server_clock WHERE id = 1').get();
    return row ? intOf(row, 'offset_ms') : 0;
  }

  /** The best estimate of the server's time now, epoch ms. */
  now(): number {
    return this.deviceNow() + this.offsetMs();
  }
}
