/** Types of projectNode.mjs. */
export declare const repoRoot: string;
export declare function projectNode(root?: string): string;
export declare function projectPath(root?: string): string;
