/** `Uint8Array.fromBase64` (Chromium 140+, so Electron 45): native, several times faster. */
type FromBase64 = (text: string) => Uint8Array;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;

/**
 * Standard base64 (as `documents:read` sends it) to bytes; null when the text is not base64.
 * Works on strings of tens of megabytes (one pass, no intermediate arrays). Uses the native
 * decoder where there is one; both refuse the same malformed text.
 */
export function decodeBase64(base64: string): Uint8Array | null {
  if (nativeFromBase64 !== undefined) {
    try {
      return nativeFromBase64.call(Uint8Array, base64);
    } catch {
      return null;
    }
  }
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
