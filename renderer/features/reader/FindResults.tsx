import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentFind } from './useDocumentFind.ts';
import { useElementSize } from './useElementSize.ts';
import { windowRange } from './windowRange.ts';

/** Row height of the results list, CSS pixels (fixed, so the list can be windowed). */
const ROW_HEIGHT = 76;
const FALLBACK = { width: 280, height: 640 };

/**
 * The hits of the current find as a windowed list: page number and the text around the match;
 * a click selects the hit (and the reader scrolls to it). The selected one is kept in view.
 */
export function FindResults({ find }: { find: DocumentFind }) {
  const { t } = useTranslation();
  const { hits, current, truncated } = find.state;
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useElementSize(list, FALLBACK);
  const { start, end } = windowRange(scrollTop, viewport.height, ROW_HEIGHT, hits.length);

  useEffect(() => {
    if (!list || current < 0) return;
    const top = current * ROW_HEIGHT;
    if (top < list.scrollTop || top + ROW_HEIGHT > list.scrollTop + viewport.height) {
      list.scrollTop = Math.max(0, top - (viewport.height - ROW_HEIGHT) / 2);
      setScrollTop(list.scrollTop);
    }
  }, [list, current, viewport.height]);

  const onScroll = useCallback(() => {
    if (list) setScrollTop(list.scrollTop);
  }, [list]);

  return (
    <section
      className="reader-results"
      aria-label={t('reader.find.results')}
      data-testid="reader-find-results"
    >
      {truncated ? (
        <p className="reader-results__note muted" data-testid="reader-find-truncated">
          {t('reader.find.truncated', { shown: hits.length })}
        </p>
      ) : null}
      <div ref={setList} className="reader-results__list" onScroll={onScroll}>
        <ol className="reader-results__content" style={{ height: hits.length * ROW_HEIGHT }}>
          {hits.slice(start, end).map((hit) => (
            <li
              key={hit.index}
              className="reader-results__row"
              style={{ top: hit.index * ROW_HEIGHT, height: ROW_HEIGHT }}
            >
              <button
                type="button"
                className={
                  hit.index === current ? 'reader-result reader-result--current' : 'reader-result'
                }
                data-testid="reader-find-result"
                data-page-number={hit.pageIndex + 1}
                aria-current={hit.index === current ? 'true' : undefined}
                onClick={() => find.select(hit.index)}
              >
                <span className="reader-result__page">
                  {t('reader.find.page', { page: hit.pageIndex + 1 })}
                </span>
                <span className="reader-result__context">
                  {hit.before}
                  <mark>{hit.match}</mark>
                  {hit.after}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
