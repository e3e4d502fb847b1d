import { useCallback, useEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pdfToViewportPoint } from '../../../shared/annotations/pageGeometry.ts';
import { CanvasPool } from '../../pdf/CanvasPool.ts';
import type { PdfLimits } from '../../pdf/pdfLimits.ts';
import type { PdfDestination, PdfDocument, PdfSize } from '../../pdf/pdfTypes.ts';
import { RenderScheduler } from '../../pdf/RenderScheduler.ts';
import type { ReaderAnnotations } from '../annotations/readerAnnotations.ts';
import { useReaderAnnotationHost } from '../annotations/useReaderAnnotationHost.ts';
import { DocumentTextIndex } from './DocumentTextIndex.ts';
import { FindBar } from './FindBar.tsx';
import type { FindHit } from './findHit.ts';
import { FindResults } from './FindResults.tsx';
import { OutlinePanel } from './OutlinePanel.tsx';
import { PageCache } from './PageCache.ts';
import { pageGeometryOf } from './pageGeometryOf.ts';
import { layoutPages, PAGE_GAP } from './pageLayout.ts';
import type { ReaderKeyCommand } from './readerKeyCommand.ts';
import { READER_LIMITS } from './readerLimits.ts';
import { ReaderPage } from './ReaderPage.tsx';
import { ReaderToolbar, type ReaderSidebar } from './ReaderToolbar.tsx';
import type { ReaderViewState } from './readerViewState.ts';
import { ThumbnailsPanel } from './ThumbnailsPanel.tsx';
import { useDevicePixelRatio } from './useDevicePixelRatio.ts';
import { useDocumentFind } from './useDocumentFind.ts';
import { useElementSize } from './useElementSize.ts';
import { useOutline } from './useOutline.ts';
import { usePageSizes } from './usePageSizes.ts';
import { useReaderKeyboard } from './useReaderKeyboard.ts';
import { useReaderScroll } from './useReaderScroll.ts';
import { useScrollToHit } from './useScrollToHit.ts';
import { useViewStateReporter } from './useViewStateReporter.ts';
import { useWheelZoom } from './useWheelZoom.ts';
import { FIT_WIDTH, resolveScale, zoomIn, zoomOut, type ZoomMode } from './zoom.ts';

/** Where the view has no layout (a test DOM): an 800 px page column. */
const FALLBACK_VIEWPORT = { width: 800 + 2 * PAGE_GAP, height: 1000 };
/** Arrow keys scroll by this much, CSS pixels; Page Up/Down by this share of the view. */
const LINE_STEP = 40;
const PAGE_STEP = 0.9;
/** How long the "copying is not allowed" notice stays, ms. */
const NOTICE_MS = 4_000;

export interface ReaderViewProps {
  document: PdfDocument;
  firstSize: PdfSize;
  label: string;
  limits: PdfLimits;
  initialViewState: ReaderViewState | null;
  onViewStateChange: ((state: ReaderViewState) => void) | undefined;
  onPageChange: ((page: number, pageCount: number) => void) | undefined;
  allowCopy: boolean;
  watermark: readonly string[];
  onExternalLink: ((url: string) => void) | undefined;
  /** Annotations to draw and the active tool; null: none (the reader alone). */
  annotations: ReaderAnnotations | null;
}

function groupByPage(hits: readonly FindHit[]): Map<number, FindHit[]> {
  const byPage = new Map<number, FindHit[]>();
  for (const hit of hits) {
    const list = byPage.get(hit.pageIndex);
    if (list) list.push(hit);
    else byPage.set(hit.pageIndex, [hit]);
  }
  return byPage;
}

/**
 * An open document: toolbar, optional sidebar (thumbnails or outline), the page column and
 * find. The column is windowed: its height comes from every page's size (estimated from the
 * first page until known), and only the pages in and next to the view exist, each drawing into
 * a canvas from a pool of `READER_LIMITS.pageCanvases`.
 */
export function ReaderView(props: ReaderViewProps) {
  const { document, firstSize, limits, initialViewState, allowCopy, watermark } = props;
  const { t } = useTranslation();
  const numPages = document.numPages;
  const pages = useMemo(
    () => new PageCache(document, limits.renderTimeoutMs),
    [document, limits.renderTimeoutMs],
  );
  const textIndex = useMemo(
    () => new DocumentTextIndex(pages, limits.renderTimeoutMs),
    [pages, limits.renderTimeoutMs],
  );
  const pagePool = useMemo(() => new CanvasPool(READER_LIMITS.pageCanvases), []);
  const thumbnailPool = useMemo(() => new CanvasPool(READER_LIMITS.thumbnailCanvases), []);
  const scheduler = useMemo(() => new RenderScheduler(READER_LIMITS.renderConcurrency), []);
  const sizes = usePageSizes(pages, firstSize);
  const outline = useOutline(document, limits.loadTimeoutMs);
  const pixelRatio = useDevicePixelRatio();

  const [zoom, setZoom] = useState<ZoomMode>(initialViewState?.zoom ?? FIT_WIDTH);
  const [sidebar, setSidebar] = useState<ReaderSidebar>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const viewport = useElementSize(scroller, FALLBACK_VIEWPORT);
  const available = {
    width: viewport.width - 2 * PAGE_GAP,
    height: viewport.height - 2 * PAGE_GAP,
  };
  const scale = resolveScale(zoom, available, firstSize);
  const layout = useMemo(() => layoutPages(sizes, scale), [sizes, scale]);
  const contentWidth = Math.max(viewport.width, layout.maxWidth + 2 * PAGE_GAP);

  // 1. View state: reported (debounced) after the view settles, and once more on leaving.
  const callbacks = useRef(props);
  useEffect(() => {
    callbacks.current = props;
  });
  const reporter = useViewStateReporter(initialViewState, zoom, props.onViewStateChange);

  // 2. Scrolling, windowing and the current page.
  // Only the first value matters: from then on the anchor follows the scroll position.
  const [initialAnchor] = useState(() => ({
    pageIndex: Math.min(numPages, initialViewState?.page ?? 1) - 1,
    offsetPt: initialViewState?.offsetPt ?? 0,
  }));
  const scroll = useReaderScroll(
    scroller,
    layout,
    viewport.height,
    contentWidth,
    initialAnchor,
    reporter.schedule,
  );
  reporter.source.current = scroll.anchor;
  const { current, scrollToPage } = scroll;
  useEffect(() => {
    callbacks.current.onPageChange?.(current + 1, numPages);
  }, [current, numPages]);

  const goTo = useCallback(
    async (destination: PdfDestination, margin = 0) => {
      let offsetPt = 0;
      if (destination.top !== null) {
        const page = await pages.get(destination.pageIndex).catch(() => null);
        if (page) {
          const geometry = pageGeometryOf(page);
          const point = pdfToViewportPoint(
            { x: geometry.view[0], y: destination.top },
            geometry,
            1,
          );
          offsetPt = Math.max(0, point.y);
        }
      }
      scrollToPage(destination.pageIndex, offsetPt, margin);
    },
    [pages, scrollToPage],
  );
  const navigate = useCallback((destination: PdfDestination) => void goTo(destination), [goTo]);
  const goToPage = useCallback((pageIndex: number) => scrollToPage(pageIndex), [scrollToPage]);
  useReaderAnnotationHost(props.annotations, textIndex, numPages, goToPage);
  const onExternalLink = useCallback((url: string) => callbacks.current.onExternalLink?.(url), []);

  // 3. Find: hits highlighted on their pages; the selected one scrolled into view.
  const currentRef = useRef(current);
  useEffect(() => {
    currentRef.current = current;
  }, [current]);
  const find = useDocumentFind(textIndex, numPages, () => currentRef.current);
  const hitsByPage = useMemo(() => groupByPage(find.state.hits), [find.state.hits]);
  useScrollToHit(
    find.state.hits[find.state.current],
    scroller,
    textIndex,
    pages,
    layout,
    viewport.height,
    scrollToPage,
  );

  // 4. Zoom: toolbar, keyboard and ctrl+wheel (around the cursor).
  const onZoomIn = useCallback(() => setZoom(zoomIn(scale)), [scale]);
  const onZoomOut = useCallback(() => setZoom(zoomOut(scale)), [scale]);
  useWheelZoom(scroller, zoom, scale, setZoom, scroll.anchorAt);

  // 5. Keyboard.
  const openFind = useCallback(() => {
    setFindOpen(true);
    setFindFocus((n) => n + 1);
  }, []);
  const { setQuery } = find;
  const closeFind = useCallback(() => {
    setFindOpen(false);
    setQuery('');
    scroller?.focus();
  }, [setQuery, scroller]);
  const run = useCallback(
    (command: ReaderKeyCommand): boolean => {
      switch (command) {
        case 'find':
          openFind();
          return true;
        case 'zoomIn':
          onZoomIn();
          return true;
        case 'zoomOut':
          onZoomOut();
          return true;
        case 'zoomReset':
          setZoom(FIT_WIDTH);
          return true;
        case 'pageDown':
        case 'pageUp':
          scroll.scrollBy((command === 'pageDown' ? 1 : -1) * viewport.height * PAGE_STEP);
          return true;
        case 'lineDown':
        case 'lineUp':
          scroll.scrollBy(command === 'lineDown' ? LINE_STEP : -LINE_STEP);
          return true;
        case 'first':
          scrollToPage(0);
          return true;
        case 'last':
          scrollToPage(numPages - 1);
          return true;
        case 'previousPage':
        case 'nextPage':
          // A page wider than the view scrolls sideways with these keys instead.
          if (scroller && scroller.scrollWidth > scroller.clientWidth + 1) return false;
          scrollToPage(current + (command === 'nextPage' ? 1 : -1));
          return true;
      }
    },
    [
      openFind,
      onZoomIn,
      onZoomOut,
      scroll,
      viewport.height,
      scrollToPage,
      numPages,
      scroller,
      current,
    ],
  );
  const onKeyDown = useReaderKeyboard(run);

  // 6. Copy protection: with `allowCopy` false the text cannot be copied, cut or dragged out
  // (it stays selectable, so the member can still highlight and underline it).
  useEffect(() => {
    if (notice === null) return undefined;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const blockCopy = (event: SyntheticEvent): void => {
    if (allowCopy) return;
    event.preventDefault();
    setNotice(t('reader.copyBlocked'));
  };

  const watermarkKey = watermark.join('\n');
  const watermarkLines = useMemo(
    () => (watermarkKey === '' ? [] : watermarkKey.split('\n')),
    [watermarkKey],
  );

  return (
    <div
      className={allowCopy ? 'reader' : 'reader reader--no-copy'}
      data-testid="reader"
      data-state="ready"
      data-copy={allowCopy ? 'allowed' : 'blocked'}
      onKeyDown={onKeyDown}
      onCopy={blockCopy}
      onCut={blockCopy}
      onDragStart={blockCopy}
    >
      <ReaderToolbar
        sidebar={sidebar}
        onSidebar={setSidebar}
        hasOutline={outline.kind === 'ready'}
        current={current}
        total={numPages}
        onGoToPage={goToPage}
        zoom={zoom}
        scale={scale}
        onZoom={setZoom}
        onZoomIn={onZoomIn}
        onZoomOut={onZoomOut}
        findOpen={findOpen}
        onToggleFind={() => (findOpen ? closeFind() : openFind())}
      />
      {findOpen ? (
        <FindBar find={find} numPages={numPages} focusToken={findFocus} onClose={closeFind} />
      ) : null}
      <div className="reader__body">
        {sidebar ? (
          <aside className="reader-sidebar" data-testid="reader-sidebar" data-panel={sidebar}>
            {sidebar === 'thumbnails' ? (
              <ThumbnailsPanel
                pages={pages}
                firstSize={firstSize}
                current={current}
                pool={thumbnailPool}
                scheduler={scheduler}
                pixelRatio={pixelRatio}
                limits={limits}
                watermark={watermarkLines}
                onSelect={goToPage}
              />
            ) : (
              <OutlinePanel
                outline={outline}
                onNavigate={navigate}
                onExternalLink={onExternalLink}
              />
            )}
          </aside>
        ) : null}
        <div
          ref={setScroller}
          className="reader__viewport"
          role="region"
          aria-label={props.label}
          // Focusable so the keyboard reaches the pages.
          tabIndex={0}
          data-testid="reader-viewport"
          onScroll={scroll.measure}
        >
          <div
            className="reader__column"
            style={{ width: contentWidth, height: layout.totalHeight }}
          >
            {scroll.window.map((index) => {
              const width = layout.widths[index] ?? 0;
              return (
                <ReaderPage
                  key={index}
                  pageIndex={index}
                  top={layout.tops[index] ?? 0}
                  // Centred in the visible width; a page wider than that starts at the margin.
                  left={Math.max(PAGE_GAP, (viewport.width - width) / 2)}
                  width={width}
                  height={layout.heights[index] ?? 0}
                  scale={scale}
                  pixelRatio={pixelRatio}
                  limits={limits}
                  pages={pages}
                  textIndex={textIndex}
                  pool={pagePool}
                  scheduler={scheduler}
                  priority={Math.abs(index - current)}
                  watermark={watermarkLines}
                  hits={hitsByPage.get(index)}
                  currentHit={find.state.current}
                  onNavigate={navigate}
                  onExternalLink={onExternalLink}
                  annotations={props.annotations}
                />
              );
            })}
          </div>
        </div>
        {findOpen && find.state.query.trim() !== '' ? <FindResults find={find} /> : null}
      </div>
      <span className="visually-hidden" aria-live="polite" data-testid="pdf-page-indicator">
        {t('pdf.pageIndicator', { page: current + 1, total: numPages })}
      </span>
      <span className="visually-hidden" role="status" data-testid="reader-notice">
        {notice}
      </span>
    </div>
  );
}
