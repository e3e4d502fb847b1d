/** Papers kept at most; a member flips between a handful. */
const MAX_ENTRIES = 4;
/** Base64 characters kept at most (≈ 96 MB of PDF). */
const MAX_CHARS = 128 * 1024 * 1024;

/**
 * The last few papers `documents:read` answered, as the base64 text it sends, keyed by their
 * SHA-256: reopening a paper skips reading, decrypting and verifying it again. Invariants: only
 * bytes whose SHA-256 matched are put here, so the key names the content exactly (versions are
 * content-addressed and never change); it is consulted only after the replica lookup that lets
 * this user read the document, so it never widens access; it is memory only (never on disk) and
 * emptied when the replica changes hands or a cached file is found damaged.
 */
export class RecentPaperBytes {
  /** Insertion order is recency: the first key is the least recently used. */
  private readonly entries = new Map<string, string>();
  private chars = 0;

  get(sha256: string): string | undefined {
    const base64 = this.entries.get(sha256);
    if (base64 === undefined) return undefined;
    this.entries.delete(sha256);
    this.entries.set(sha256, base64);
    return base64;
  }

  put(sha256: string, base64: string): void {
    this.delete(sha256);
    if (base64.length > MAX_CHARS) return;
    this.entries.set(sha256, base64);
    this.chars += base64.length;
    for (const [oldest, value] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.chars <= MAX_CHARS) break;
      this.entries.delete(oldest);
      this.chars -= value.length;
    }
  }

  delete(sha256: string): void {
    const base64 = this.entries.get(sha256);
    if (base64 === undefined) return;
    this.entries.delete(sha256);
    this.chars -= base64.length;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
