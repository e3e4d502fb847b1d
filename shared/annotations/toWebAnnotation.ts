import type { Annotation } from './annotationTypes.ts';
import type { PdfRect, Point } from './pageGeometry.ts';
import { roundPt } from './roundGeometry.ts';

/** The parts of a W3C Web Annotation (https://www.w3.org/TR/annotation-model/) we produce. */
export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  creator?: { id: string; type: 'Person'; name: string };
  body?: { type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'commenting' };
  stylesheet: { type: 'CssStylesheet'; value: string };
  target: {
    source: string;
    styleClass: string;
    selector: WebAnnotationSelector[];
  };
}

export type WebAnnotationSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | {
      type: 'FragmentSelector';
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778';
      value: string;
      refinedBy: { type: 'SvgSelector'; value: string };
    };

export interface WebAnnotationContext {
  /** IRI of the annotated file, e.g. `urn:sha256:<hex>` or the document's URL. */
  source: string;
  /** The annotated page's box `[x0, y0, x1, y1]` in user space (pdf.js `page.view`). */
  pageView: readonly [number, number, number, number];
  creator?: { id: string; name: string };
}

const num = (value: number): string => String(roundPt(value));

/**
 * The annotation as W3C Web Annotation JSON-LD. The target has up to two selectors for the
 * same segment: a TextQuoteSelector (text markup) and an RFC 3778 `page=N` FragmentSelector
 * refined by an SvgSelector whose drawing is in the page box's own units with the origin at
 * its top-left (user space flipped; the page's /Rotate is not applied). Colours and the
 * highlight/underline distinction travel as a CSS class and stylesheet.
 */
export function toWebAnnotation(
  annotation: Annotation,
  context: WebAnnotationContext,
): WebAnnotation {
  const [x0, y0, x1, y1] = context.pageView;
  const flipX = (x: number): number => x - Math.min(x0, x1);
  const flipY = (y: number): number => Math.max(y0, y1) - y;
  const rect = (r: PdfRect): string =>
    `<rect x="${num(flipX(r.x))}" y="${num(flipY(r.y + r.height))}" width="${num(r.width)}" height="${num(r.height)}"/>`;
  const points = (stroke: readonly Point[]): string =>
    stroke.map((p) => `${num(flipX(p.x))},${num(flipY(p.y))}`).join(' ');

  let shapes: string;
  switch (annotation.kind) {
    case 'highlight':
    case 'underline':
      shapes = annotation.rects.map(rect).join('');
      break;
    case 'note':
      shapes = `<circle cx="${num(flipX(annotation.point.x))}" cy="${num(flipY(annotation.point.y))}" r="0"/>`;
      break;
    case 'ink':
      shapes = annotation.strokes
        .map(
          (stroke) =>
            `<polyline fill="none" stroke-width="${num(annotation.width)}" points="${points(stroke)}"/>`,
        )
        .join('');
      break;
  }
  const width = num(Math.abs(x1 - x0));
  const height = num(Math.abs(y1 - y0));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">${shapes}</svg>`;

  const selector: WebAnnotationSelector[] = [];
  if (annotation.kind === 'highlight' || annotation.kind === 'underline')
    selector.push({ type: 'TextQuoteSelector', ...annotation.quote });
  selector.push({
    type: 'FragmentSelector',
    conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
    value: `page=${annotation.pageIndex + 1}`,
    refinedBy: { type: 'SvgSelector', value: svg },
  });

  const styleClass = `ecabinet-${annotation.kind}`;
  const css =
    annotation.kind === 'underline'
      ? `.${styleClass} { text-decoration: underline ${annotation.color}; }`
      : `.${styleClass} { background-color: ${annotation.color}; }`;
  const result: WebAnnotation = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:${annotation.id}`,
    type: 'Annotation',
    // A sticky note is a comment; markup and ink mark the page (their comment is the body).
    motivation: annotation.kind === 'note' ? 'commenting' : 'highlighting',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    stylesheet: { type: 'CssStylesheet', value: css },
    target: { source: context.source, styleClass, selector },
  };
  if (context.creator) result.creator = { ...context.creator, type: 'Person' };
  if (annotation.comment !== '')
    result.body = {
      type: 'TextualBody',
      value: annotation.comment,
      format: 'text/plain',
      purpose: 'commenting',
    };
  return result;
}
