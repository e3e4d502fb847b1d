import { APP_ORIGIN } from '../core/security/appOrigin.ts';
import { originOf } from '../core/security/originOf.ts';

/** The parts of Electron's `WebFrameMain` the check reads. */
export interface FrameLike {
  readonly url: string;
  /** null for a top-level (main) frame. */
  readonly parent: unknown;
}

/** Origins trusted in production: only the packaged UI. */
export const DEFAULT_TRUSTED_ORIGINS: readonly string[] = [APP_ORIGIN];

/**
 * True only for a main frame showing one of `trustedOrigins` (`app://ecabinet` unless the
 * development server was added in an unpackaged build). When `mainFrame` is given the frame
 * must be that very object (`event.senderFrame === event.sender.mainFrame`). Subframes, other
 * origins, `file:`, `about:blank`, `devtools:`, missing or disposed frames are all refused.
 */
export function isTrustedSender(
  frame: FrameLike | null | undefined,
  mainFrame?: unknown,
  trustedOrigins: readonly string[] = DEFAULT_TRUSTED_ORIGINS,
): boolean {
  if (frame === null || frame === undefined) return false;
  try {
    if (frame.parent !== null) return false;
    if (mainFrame !== undefined && frame !== mainFrame) return false;
    const origin = originOf(frame.url);
    return origin !== null && trustedOrigins.includes(origin);
  } catch {
    // A disposed WebFrameMain throws on property access: not trusted.
    return false;
  }
}
