/** The annotation colours offered (`#rrggbb`, lower case as the model stores them). */
export const PALETTE = ['#ffd400', '#5fb236', '#2ea8e5', '#ff6666', '#a28ae5'] as const;
export const DEFAULT_COLOR: string = PALETTE[0];

export const TOOLS = ['select', 'highlight', 'underline', 'note', 'ink', 'eraser'] as const;
export type AnnotationTool = (typeof TOOLS)[number];

/** Freehand stroke width, points. */
export const INK_WIDTH_PT = 2;
/** How near the eraser must come to a stroke, points. */
export const ERASER_RADIUS_PT = 6;
