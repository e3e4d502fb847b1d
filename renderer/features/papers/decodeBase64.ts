/**
 * Standard base64 (as `documents:read` sends it) to bytes; null when the text is not base64.
 * Works on strings of tens of megabytes (one pass, no intermediate arrays).
 */
export function decodeBase64(base64: string): Uint8Array | null {
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
