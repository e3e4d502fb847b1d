import { CSP_HEADER } from '../core/security/csp.ts';
import { originOf } from '../core/security/originOf.ts';

type Headers = Record<string, string | string[]>;

/**
 * `headers` with our CSP added to any policy already present (several policies are all
 * enforced, so adding never loosens what a server sent). Header names compare
 * case-insensitively; the result uses one canonical key.
 */
export function withCspHeader(headers: Headers | undefined, csp: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const existing: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    if (name.toLowerCase() === CSP_HEADER.toLowerCase()) existing.push(...values);
    else result[name] = values;
  }
  result[CSP_HEADER] = [...existing, csp];
  return result;
}

/** The parts of Electron's `WebRequest` the policy uses. */
export interface HeadersReceivedSource {
  onHeadersReceived(
    listener: (
      details: { url: string; responseHeaders?: Headers },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void,
  ): void;
}

/**
 * Belt and braces: every response the session receives carries our CSP, whatever served it.
 * `exemptOrigins` is only ever the unpackaged development server (Vite's HMR client and React
 * refresh need inline scripts); packaged builds pass an empty list.
 */
export function installCspHeader(
  webRequest: HeadersReceivedSource,
  getCsp: () => string,
  exemptOrigins: readonly string[],
): void {
  webRequest.onHeadersReceived((details, callback) => {
    const origin = originOf(details.url);
    if (origin !== null && exemptOrigins.includes(origin)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withCspHeader(details.responseHeaders, getCsp()) });
  });
}
