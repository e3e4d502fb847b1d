import { createHash } from 'node:crypto';

/**
 * The PKCS#12 key derivation function (RFC 7292 Appendix B.2), with node:crypto hashes. Used
 * for the integrity MAC (id 3) and for the legacy PKCS#12 PBE ciphers (ids 1 and 2).
 */
export type Pkcs12KdfHash = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** Hash block size v and output size u, bytes. */
const SIZES: Record<Pkcs12KdfHash, { v: number; u: number }> = {
  sha1: { v: 64, u: 20 },
  sha224: { v: 64, u: 28 },
  sha256: { v: 64, u: 32 },
  sha384: { v: 128, u: 48 },
  sha512: { v: 128, u: 64 },
};

export const kdfOutputSize = (hash: Pkcs12KdfHash): number => SIZES[hash].u;

/**
 * The password as PKCS#12 wants it: a BMPString (UTF-16 big-endian) with a two-octet null
 * terminator. OpenSSL converts its UTF-8 input the same way, so non-ASCII passwords (Vietnamese
 * "Mật khẩu") agree with files it writes.
 */
export function bmpPassword(password: string): Buffer {
  const out = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

function fill(source: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  if (source.length === 0) return out;
  for (let i = 0; i < length; i++) out[i] = source[i % source.length]!;
  return out;
}

/** Derives `n` bytes for purpose `id` (1 key, 2 IV, 3 MAC key) with `iterations` rounds. */
export function pkcs12Kdf(
  hash: Pkcs12KdfHash,
  password: Buffer,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iterations: number,
  n: number,
): Buffer {
  const { v, u } = SIZES[hash];
  const d = Buffer.alloc(v, id);
  const s = fill(Buffer.from(salt), v * Math.ceil(salt.length / v));
  const p = fill(password, v * Math.ceil(password.length / v));
  const i = Buffer.concat([s, p]);
  const blocks = Math.ceil(n / u);
  const out = Buffer.alloc(blocks * u);
  for (let block = 0; block < blocks; block++) {
    // A = H^r(D || I)
    let a = createHash(hash).update(d).update(i).digest();
    for (let r = 1; r < iterations; r++) a = createHash(hash).update(a).digest();
    a.copy(out, block * u);
    if (block === blocks - 1) break;
    // I_j = (I_j + B + 1) mod 2^(8v), B = A repeated to v bytes.
    const b = fill(a, v);
    for (let j = 0; j < i.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = i[j + k]! + b[k]! + carry;
        i[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, n);
}
