import type { ServerConfig } from '../config.ts';
import { loadTrustFiles } from './verify/loadTrustFiles.ts';
import type { TrustStore } from './verify/TrustStore.ts';

const loaded = new Map<string, TrustStore>();

/**
 * The trust store of `config.trustDir` (TRUST_DIR), loaded once per directory and kept; null
 * when no directory is configured or it holds no usable anchors (every opinion is then refused
 * with UNTRUSTED_CHAIN). A failed load is retried on the next opinion, so fixing the files
 * needs no restart; replacing working files does (load once, not per opinion).
 */
export async function trustStoreFor(config: ServerConfig): Promise<TrustStore | null> {
  const dir = config.trustDir;
  if (dir === undefined) return null;
  const cached = loaded.get(dir);
  if (cached !== undefined) return cached;
  const result = await loadTrustFiles(dir);
  if (!result.ok) return null;
  loaded.set(dir, result.value);
  return result.value;
}
