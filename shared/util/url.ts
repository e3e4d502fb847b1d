/**
 * The parts of WHATWG `URL` that shared code uses. `shared/` compiles without DOM or Node
 * types, so it reaches the runtime's global `URL` (present in browsers and Node) through this.
 */
export interface ParsedUrl {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly origin: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

const UrlCtor = (globalThis as unknown as { URL: new (raw: string, base?: string) => ParsedUrl }).URL;

/** Parses `raw` (optionally against `base`); null when it is not a valid URL. */
export function parseUrl(raw: string, base?: string): ParsedUrl | null {
  try {
    return new UrlCtor(raw, base);
  } catch {
    return null;
  }
}
