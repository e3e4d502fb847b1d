import type { TextQuote } from '../../../shared/annotations/annotationTypes.ts';
import type { PdfRect } from '../../../shared/annotations/pageGeometry.ts';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type { MutationArgs } from '../../../shared/sync/mutations.ts';

/** A re-anchored placement the renderer measured on the target version. */
export interface MeasuredPlacement {
  annotationId: string;
  pageIndex: number;
  rects: PdfRect[];
  quote: TextQuote;
}

/** An annotation as the device shows it, and whether a change of it waits for the server. */
export interface PlacementCandidate {
  annotation: AnnotationRecord;
  pending: boolean;
}

/**
 * Which re-anchored placements become durable moves (`annotation.reanchor`), and their args.
 * Only the member's own live highlights and underlines made on an OLDER version than `target`
 * move; each at most once per call (the first placement given for it). One with a change still
 * queued is left for later: the member may be editing it, and a move must not race that edit
 * (the renderer offers it again once the change has settled). Others' annotations are
 * re-anchored for display only and never written. Pure.
 */
export function planPlacements(
  userId: string,
  target: { version: number; sha256: string; pageCount: number | null },
  candidates: ReadonlyMap<string, PlacementCandidate>,
  placements: readonly MeasuredPlacement[],
): MutationArgs<'annotation.reanchor'>[] {
  const out: MutationArgs<'annotation.reanchor'>[] = [];
  const done = new Set<string>();
  for (const p of placements) {
    if (done.has(p.annotationId)) continue;
    const candidate = candidates.get(p.annotationId);
    if (!candidate || candidate.pending) continue;
    const a = candidate.annotation;
    if (a.authorId !== userId || a.deletedAt !== null) continue;
    if (a.shape.kind !== 'highlight' && a.shape.kind !== 'underline') continue;
    if (a.version >= target.version) continue;
    if (target.pageCount !== null && p.pageIndex >= target.pageCount) continue;
    done.add(p.annotationId);
    out.push({
      id: a.id,
      version: target.version,
      sha256: target.sha256,
      pageIndex: p.pageIndex,
      shape: { kind: a.shape.kind, rects: p.rects, quote: p.quote },
    });
  }
  return out;
}
