import type { BlobStore } from './blobs/BlobStore.ts';
import type { Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/openDatabase.ts';
import type { Faults } from './faults/faultPlan.ts';
import type { Logger } from './log.ts';
import type { ServerHooks } from './ServerHooks.ts';

/** What every service function receives: configuration, storage, time and the hooks. */
export interface ServerContext {
  readonly config: ServerConfig;
  readonly db: Database;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly hooks: ServerHooks;
  /** Test-only crash points; `noFaults` unless a fault plan was given (faults/faultPlan.ts). */
  readonly faults: Faults;
}
