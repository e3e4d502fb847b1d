import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { formatZoom } from './formatZoom.ts';
import { GoToPage } from './GoToPage.tsx';
import {
  FIT_PAGE,
  FIT_WIDTH,
  percentZoom,
  scaleToPercent,
  ZOOM_PRESETS,
  type ZoomMode,
} from './zoom.ts';

export type ReaderSidebar = 'thumbnails' | 'outline' | null;

export interface ReaderToolbarProps {
  sidebar: ReaderSidebar;
  onSidebar: (sidebar: ReaderSidebar) => void;
  hasOutline: boolean;
  current: number;
  total: number;
  onGoToPage: (pageIndex: number) => void;
  zoom: ZoomMode;
  /** The scale in effect, CSS px per point (fit modes resolve to one). */
  scale: number;
  onZoom: (zoom: ZoomMode) => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  findOpen: boolean;
  onToggleFind: () => void;
}

function zoomValue(zoom: ZoomMode): string {
  return zoom.kind === 'percent' ? `p:${zoom.value}` : zoom.kind;
}

function parseZoomValue(value: string): ZoomMode {
  if (value === 'fitWidth') return FIT_WIDTH;
  if (value === 'fitPage') return FIT_PAGE;
  return percentZoom(Number(value.slice(2)));
}

/** Sidebar toggles, page number, zoom and find. Icons come from CSS; names from i18n. */
export function ReaderToolbar(props: ReaderToolbarProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { sidebar, zoom } = props;
  const presets: number[] = [...ZOOM_PRESETS];
  if (zoom.kind === 'percent' && !presets.includes(zoom.value)) {
    presets.push(zoom.value);
    presets.sort((a, b) => a - b);
  }
  const percentNow = formatZoom(scaleToPercent(props.scale), language);

  return (
    <div className="reader-toolbar" role="toolbar" aria-label={t('reader.toolbar')}>
      <div className="reader-toolbar__group">
        <button
          type="button"
          className="reader-button reader-button--thumbnails"
          data-testid="reader-toggle-thumbnails"
          aria-pressed={sidebar === 'thumbnails'}
          aria-label={t('reader.thumbnails.title')}
          title={t('reader.thumbnails.title')}
          onClick={() => props.onSidebar(sidebar === 'thumbnails' ? null : 'thumbnails')}
        />
        <button
          type="button"
          className="reader-button reader-button--outline"
          data-testid="reader-toggle-outline"
          aria-pressed={sidebar === 'outline'}
          aria-label={t('reader.outline.title')}
          title={props.hasOutline ? t('reader.outline.title') : t('reader.outline.none')}
          onClick={() => props.onSidebar(sidebar === 'outline' ? null : 'outline')}
        />
      </div>
      <div className="reader-toolbar__group">
        <button
          type="button"
          className="reader-button reader-button--previous"
          data-testid="reader-previous-page"
          aria-label={t('reader.page.previous')}
          title={t('reader.page.previous')}
          disabled={props.current <= 0}
          onClick={() => props.onGoToPage(props.current - 1)}
        />
        <GoToPage current={props.current} total={props.total} onGo={props.onGoToPage} />
        <button
          type="button"
          className="reader-button reader-button--next"
          data-testid="reader-next-page"
          aria-label={t('reader.page.next')}
          title={t('reader.page.next')}
          disabled={props.current >= props.total - 1}
          onClick={() => props.onGoToPage(props.current + 1)}
        />
      </div>
      <div className="reader-toolbar__group">
        <button
          type="button"
          className="reader-button reader-button--zoom-out"
          data-testid="reader-zoom-out"
          aria-label={t('reader.zoom.out')}
          title={t('reader.zoom.out')}
          onClick={props.onZoomOut}
        />
        <select
          className="reader-zoom"
          data-testid="reader-zoom"
          data-scale-percent={Math.round(scaleToPercent(props.scale))}
          aria-label={t('reader.zoom.label', { percent: percentNow })}
          value={zoomValue(zoom)}
          onChange={(event) => props.onZoom(parseZoomValue(event.target.value))}
        >
          <option value="fitWidth">{t('reader.zoom.fitWidth')}</option>
          <option value="fitPage">{t('reader.zoom.fitPage')}</option>
          {presets.map((percent) => (
            <option key={percent} value={`p:${percent}`}>
              {formatZoom(percent, language)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="reader-button reader-button--zoom-in"
          data-testid="reader-zoom-in"
          aria-label={t('reader.zoom.in')}
          title={t('reader.zoom.in')}
          onClick={props.onZoomIn}
        />
      </div>
      <div className="reader-toolbar__group">
        <button
          type="button"
          className="reader-button reader-button--find"
          data-testid="reader-toggle-find"
          aria-pressed={props.findOpen}
          aria-label={t('reader.find.open')}
          title={t('reader.find.open')}
          onClick={props.onToggleFind}
        />
      </div>
    </div>
  );
}
