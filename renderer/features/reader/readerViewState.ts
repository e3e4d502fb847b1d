import { z } from 'zod';
import { zoomModeSchema } from './zoom.ts';

/**
 * Where a member left a paper: the page at the top of the view, how far down it (points of
 * that page, so the same at any zoom) and the zoom. Reported by the reader through
 * `onViewStateChange` and given back as `initialViewState`.
 */
export const readerViewStateSchema = z.strictObject({
  /** 1-based. */
  page: z.number().int().min(1).max(100_000),
  offsetPt: z.number().finite().min(0).max(100_000),
  zoom: zoomModeSchema,
});
export type ReaderViewState = z.infer<typeof readerViewStateSchema>;
