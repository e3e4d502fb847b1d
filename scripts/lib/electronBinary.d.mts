/** Types of electronBinary.mjs, for the Playwright config and fixtures (TypeScript). */
export declare function findElectronBinary(
  root?: string,
  env?: Record<string, string | undefined>,
): string | null;
export declare function obtainElectronBinary(
  root?: string,
  options?: { timeoutMs?: number },
): Promise<{ path: string } | { path: null; reason: string }>;
