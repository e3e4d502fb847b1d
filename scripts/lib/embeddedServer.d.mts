/** Types of embeddedServer.mjs, for its tests (TypeScript). */
export declare const EMBEDDED_SERVER_PORT: number;
export declare const EMBEDDED_SERVER_DATA_DIR: string;
export declare const DEMO_PASSWORD: string;
export declare const DEMO_LOGINS: readonly {
  username: string;
  role: 'member' | 'secretariat' | 'admin';
  who: string;
}[];

export declare const DEMO_P12_PASSWORD: string;
export declare function demoPkiDir(dataDir: string): string;

/** The demo's development PKI (under the server's data directory). */
export interface DemoPki {
  /** The PKI directory: the server's TRUST_DIR. */
  readonly dir: string;
  /** The members' PKCS#12 files. */
  readonly membersDir: string;
  /** Password of every PKCS#12 file. */
  readonly password: string;
  /** True when this start made it; false when it was reused. */
  readonly created: boolean;
  readonly members: readonly { username: string | null; name: string; p12: string }[];
}

export declare function ensureDemoPki(options: {
  dataDir: string;
  root?: string;
  log?: (line: string) => void;
}): Promise<DemoPki>;

export declare function portIsFree(port: number): Promise<boolean>;
export declare function waitForHealth(
  url: string,
  deadline: number,
  isDead?: () => boolean,
): Promise<boolean>;

export interface EmbeddedServer {
  /** e.g. http://127.0.0.1:8787 */
  readonly url: string;
  readonly port: number;
  /** True when the preferred port was taken and another was used. */
  readonly portFallback: boolean;
  /** True when the data directory had no database yet. */
  readonly firstStart: boolean;
  /** The demo PKI the server trusts, or null without the demo. */
  readonly pki: DemoPki | null;
  /** Ends the server (SIGTERM, then SIGKILL after a grace period); idempotent. */
  stop(): Promise<void>;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

export declare function startEmbeddedServer(options?: {
  dataDir?: string;
  port?: number;
  seedDemo?: boolean;
  demoSigning?: boolean;
  startTimeoutMs?: number;
  log?: (line: string) => void;
  onUnexpectedExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  root?: string;
}): Promise<EmbeddedServer>;
