/**
 * Seals small secrets (the 32-byte data key) with a key this process never stores itself.
 *
 * The Electron shell backs it with `safeStorage` (Keychain, DPAPI, libsecret/kwallet); browser
 * mode and tests use `fileKeySealer` (a development/test mode). The core only ever writes the
 * sealed form to disk.
 */
export interface KeySealer {
  /** Returns an opaque sealed form of `plain`. */
  seal(plain: Buffer): Buffer;
  /** Reverses `seal`; throws when `sealed` was not produced by this sealer (or was altered). */
  unseal(sealed: Buffer): Buffer;
  /**
   * False when the platform offers no real secret store (Electron on Linux with `basic_text`):
   * the sealed key is then as good as clear, so confidential documents are not cached on disk
   * (read-through only while online) and the UI says why.
   */
  readonly isSecure: boolean;
}
