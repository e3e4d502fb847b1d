import type { PageGeometry } from '../../../shared/annotations/pageGeometry.ts';
import type { PdfPage } from '../../pdf/pdfTypes.ts';

/** The page's geometry, or an unrotated box of its size when the engine gives none. */
export function pageGeometryOf(page: PdfPage): PageGeometry {
  if (page.geometry) return page.geometry;
  const { width, height } = page.size(1);
  return { view: [0, 0, width, height], rotation: 0 };
}
