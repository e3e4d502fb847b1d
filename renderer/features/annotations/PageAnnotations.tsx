import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { PageGeometry, Point } from '../../../shared/annotations/pageGeometry.ts';
import { rectsForRange } from '../../../shared/annotations/pageText.ts';
import type { AnnotationView } from '../../../shared/domain/annotationViews.ts';
import type { DocumentTextIndex } from '../reader/DocumentTextIndex.ts';
import { AnnotationLayer } from './AnnotationLayer.tsx';
import './annotations.css';
import { ERASER_RADIUS_PT, INK_WIDTH_PT } from './palette.ts';
import type { PlacedRange, ReaderAnnotations } from './readerAnnotations.ts';
import {
  clientPointToPdf,
  quoteForSelection,
  selectionRectsToPdf,
  strokeHit,
  strokeToPdf,
  type PageFrame,
} from './toolGeometry.ts';

export interface PageAnnotationsProps {
  pageIndex: number;
  geometry: PageGeometry;
  /** CSS pixels per point. */
  scale: number;
  textIndex: DocumentTextIndex;
  annotations: ReaderAnnotations;
}

/** Re-anchored ranges of this page as drawable views (rects from the page's text runs). */
function usePlacedViews(
  textIndex: DocumentTextIndex,
  pageIndex: number,
  placed: readonly PlacedRange[],
): AnnotationView[] {
  const [views, setViews] = useState<AnnotationView[]>([]);
  useEffect(() => {
    const here = placed.filter((p) => p.pageIndex === pageIndex);
    if (here.length === 0) {
      setViews([]);
      return undefined;
    }
    let active = true;
    void textIndex.pageText(pageIndex).then((text) => {
      if (!active || !text) return;
      const out: AnnotationView[] = [];
      for (const { view, start, end } of here) {
        const rects = rectsForRange(text, start, end);
        const shape = view.annotation.shape;
        if (rects.length === 0 || (shape.kind !== 'highlight' && shape.kind !== 'underline'))
          continue;
        out.push({
          ...view,
          annotation: { ...view.annotation, pageIndex, shape: { ...shape, rects } },
        });
      }
      setViews(out);
    });
    return () => {
      active = false;
    };
  }, [textIndex, pageIndex, placed]);
  return views;
}

/**
 * One page's annotations and the tools acting on it: the SVG layer, a pointer surface for the
 * note, ink and eraser tools, and text selection → highlight/underline (the page's text layer
 * stays selectable). Geometry goes out in PDF user space (toolGeometry.ts).
 */
export function PageAnnotations(props: PageAnnotationsProps) {
  const { pageIndex, geometry, scale, textIndex, annotations } = props;
  const { tool } = annotations;
  const host = useRef<HTMLDivElement | null>(null);
  const [stroke, setStroke] = useState<Point[] | null>(null);
  const placedViews = usePlacedViews(textIndex, pageIndex, annotations.placed);
  const onPage = [
    ...annotations.views.filter((v) => v.annotation.pageIndex === pageIndex),
    ...placedViews,
  ];
  const frame = (): PageFrame | null => {
    const box = host.current?.getBoundingClientRect();
    return box ? { pageOrigin: { x: box.left, y: box.top }, geometry, scale } : null;
  };

  // Text markup: a finished selection inside this page becomes a highlight or underline.
  const latest = useRef({ annotations, geometry, scale });
  latest.current = { annotations, geometry, scale };
  useEffect(() => {
    if (tool !== 'highlight' && tool !== 'underline') return undefined;
    const page = host.current?.parentElement;
    if (!page) return undefined;
    const onMouseUp = () => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (!page.contains(range.commonAncestorContainer)) return;
      const selected = selection.toString();
      const rects = [...range.getClientRects()];
      const box = page.getBoundingClientRect();
      const f = { pageOrigin: { x: box.left, y: box.top }, ...latest.current };
      void textIndex.pageText(pageIndex).then((text) => {
        const quote = text ? quoteForSelection(text.text, selected) : null;
        const pdfRects = selectionRectsToPdf(rects, f);
        if (!quote || pdfRects.length === 0) return;
        latest.current.annotations.onDraw({
          pageIndex,
          shape: { kind: tool, rects: pdfRects, quote },
        });
        selection.removeAllRanges();
      });
    };
    page.addEventListener('mouseup', onMouseUp);
    return () => page.removeEventListener('mouseup', onMouseUp);
  }, [tool, textIndex, pageIndex]);

  const down = (e: PointerEvent<HTMLDivElement>) => {
    const f = frame();
    if (!f) return;
    const at = { x: e.clientX, y: e.clientY };
    if (tool === 'note')
      annotations.onDraw({ pageIndex, shape: { kind: 'note', point: clientPointToPdf(at, f) } });
    if (tool === 'ink') {
      e.currentTarget.setPointerCapture?.(e.pointerId);
      setStroke([at]);
    }
    if (tool === 'eraser') erase(clientPointToPdf(at, f));
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (tool === 'ink' && stroke) setStroke([...stroke, { x: e.clientX, y: e.clientY }]);
    if (tool === 'eraser' && e.buttons === 1) {
      const f = frame();
      if (f) erase(clientPointToPdf({ x: e.clientX, y: e.clientY }, f));
    }
  };
  const up = () => {
    const f = frame();
    if (tool === 'ink' && stroke && f) {
      const points = strokeToPdf(stroke, f);
      if (points.length > 0)
        annotations.onDraw({
          pageIndex,
          shape: { kind: 'ink', strokes: [points], width: INK_WIDTH_PT },
        });
    }
    setStroke(null);
  };
  const erase = (p: Point) => {
    for (const { annotation: a, mine } of onPage) {
      if (!mine || a.shape.kind !== 'ink') continue;
      const left = a.shape.strokes.filter((s) => !strokeHit(s, p, ERASER_RADIUS_PT));
      if (left.length !== a.shape.strokes.length) annotations.onErase(a.id, left);
    }
  };

  const capturing = tool === 'note' || tool === 'ink' || tool === 'eraser';
  return (
    <div ref={host} className="page-annotations" data-testid="page-annotations" data-tool={tool}>
      <AnnotationLayer
        annotations={onPage}
        geometry={geometry}
        scale={scale}
        selectedId={annotations.selectedId}
        onSelect={annotations.onSelect}
      />
      {capturing ? (
        <div
          className="page-annotations__input"
          data-testid="annotation-input"
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={() => setStroke(null)}
        />
      ) : null}
    </div>
  );
}
