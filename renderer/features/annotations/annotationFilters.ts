import type { AnnotationShape } from '../../../shared/domain/annotation.ts';
import type { AnnotationView } from '../../../shared/domain/annotationViews.ts';

export type AnnotationKindName = AnnotationShape['kind'];

/** The sidebar's filters; null: any. */
export interface AnnotationFilter {
  kind: AnnotationKindName | null;
  color: string | null;
  /** An author's user id. */
  authorId: string | null;
}

export const NO_FILTER: AnnotationFilter = { kind: null, color: null, authorId: null };

export function filterAnnotations(
  views: readonly AnnotationView[],
  filter: AnnotationFilter,
): AnnotationView[] {
  return views.filter(
    ({ annotation: a }) =>
      (filter.kind === null || a.shape.kind === filter.kind) &&
      (filter.color === null || a.color === filter.color) &&
      (filter.authorId === null || a.authorId === filter.authorId),
  );
}

/** The authors present, for the author filter: id and name (null when unknown), mine first. */
export function authorsOf(
  views: readonly AnnotationView[],
): { authorId: string; name: string | null; mine: boolean }[] {
  const seen = new Map<string, { authorId: string; name: string | null; mine: boolean }>();
  for (const v of views)
    if (!seen.has(v.annotation.authorId))
      seen.set(v.annotation.authorId, {
        authorId: v.annotation.authorId,
        name: v.authorName,
        mine: v.mine,
      });
  return [...seen.values()].sort(
    (a, b) => Number(b.mine) - Number(a.mine) || (a.name ?? '').localeCompare(b.name ?? ''),
  );
}
