import {
  pdfRectToViewport,
  pdfToViewportPoint,
  viewportSize,
  type PageGeometry,
} from '../../../shared/annotations/pageGeometry.ts';
import type { AnnotationView } from '../../../shared/domain/annotationViews.ts';

/** Side of a sticky note's marker, CSS pixels (not scaled: it must stay clickable). */
const NOTE_PX = 18;

export interface AnnotationLayerProps {
  /** This page's annotations. */
  annotations: readonly AnnotationView[];
  geometry: PageGeometry;
  /** CSS pixels per point. */
  scale: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * One page's annotations drawn over it as SVG, from their PDF geometry at this zoom and
 * rotation (shared/annotations/pageGeometry.ts). Colours are SVG attributes, not styles.
 */
export function AnnotationLayer(props: AnnotationLayerProps) {
  const { geometry, scale } = props;
  const size = viewportSize(geometry, scale);
  const point = (p: { x: number; y: number }) => pdfToViewportPoint(p, geometry, scale);
  return (
    <svg
      className="annotation-layer"
      width={size.width}
      height={size.height}
      viewBox={`0 0 ${size.width} ${size.height}`}
      data-testid="annotation-layer"
    >
      {props.annotations.map(({ annotation: a, mine }) => {
        const selected = a.id === props.selectedId;
        const common = {
          'data-testid': 'annotation-shape',
          'data-id': a.id,
          'data-kind': a.shape.kind,
          'data-mine': mine ? 'true' : 'false',
          'data-selected': selected ? 'true' : 'false',
          onClick: () => props.onSelect(a.id),
        };
        const shape = a.shape;
        switch (shape.kind) {
          case 'highlight':
            return (
              <g key={a.id} {...common}>
                {shape.rects.map((r, i) => {
                  const v = pdfRectToViewport(r, geometry, scale);
                  return (
                    <rect
                      key={i}
                      x={v.left}
                      y={v.top}
                      width={v.width}
                      height={v.height}
                      fill={a.color}
                      fillOpacity={0.35}
                    />
                  );
                })}
              </g>
            );
          case 'underline':
            return (
              <g key={a.id} {...common}>
                {shape.rects.map((r, i) => {
                  // The rectangle's bottom edge in user space, wherever rotation puts it.
                  const from = point({ x: r.x, y: r.y });
                  const to = point({ x: r.x + r.width, y: r.y });
                  return (
                    <line
                      key={i}
                      x1={from.x}
                      y1={from.y}
                      x2={to.x}
                      y2={to.y}
                      stroke={a.color}
                      strokeWidth={Math.max(1, scale)}
                    />
                  );
                })}
              </g>
            );
          case 'note': {
            const p = point(shape.point);
            return (
              <rect
                key={a.id}
                {...common}
                x={p.x}
                y={p.y}
                width={NOTE_PX}
                height={NOTE_PX}
                rx={3}
                fill={a.color}
                stroke="#333333"
              />
            );
          }
          case 'ink':
            return (
              <g key={a.id} {...common}>
                {shape.strokes.map((stroke, i) => (
                  <polyline
                    key={i}
                    points={stroke.map((q) => `${point(q).x},${point(q).y}`).join(' ')}
                    fill="none"
                    stroke={a.color}
                    strokeWidth={shape.width * scale}
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  />
                ))}
              </g>
            );
        }
      })}
    </svg>
  );
}
