/** Types of rendererBuild.mjs, for Playwright's global setup (TypeScript). */
export declare function rendererBuildReason(root?: string): string | null;
export declare function buildRenderer(root?: string): boolean;
export declare function ensureRendererBuilt(root?: string, log?: (line: string) => void): boolean;
