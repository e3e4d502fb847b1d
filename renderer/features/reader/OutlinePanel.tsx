import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedExternalUrl } from '../../pdf/linkPolicy.ts';
import type { PdfDestination, PdfOutlineNode } from '../../pdf/pdfTypes.ts';
import type { OutlineState } from './useOutline.ts';

interface OutlineActions {
  onNavigate: (destination: PdfDestination) => void;
  onExternalLink: ((url: string) => void) | undefined;
}

function OutlineEntry({ node, actions }: { node: PdfOutlineNode; actions: OutlineActions }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(!node.collapsed);
  const external = node.destination ? null : allowedExternalUrl(node.url);
  const destination = node.destination;
  const title = node.title === '' ? t('reader.outline.untitled') : node.title;
  return (
    <li className="reader-outline__item">
      <div className="reader-outline__row">
        {node.children.length > 0 ? (
          <button
            type="button"
            // The arrow is drawn by CSS; the accessible name says what the button does.
            className={
              open
                ? 'reader-outline__toggle reader-outline__toggle--open'
                : 'reader-outline__toggle'
            }
            aria-expanded={open}
            aria-label={
              open ? t('reader.outline.collapse', { title }) : t('reader.outline.expand', { title })
            }
            onClick={() => setOpen((value) => !value)}
          />
        ) : (
          <span className="reader-outline__spacer" aria-hidden="true" />
        )}
        <button
          type="button"
          className="reader-outline__link"
          data-testid="reader-outline-item"
          // Entries that lead nowhere we can go (another file, a script) do nothing.
          disabled={!destination && external === null}
          onClick={() => {
            if (destination) actions.onNavigate(destination);
            else if (external !== null) actions.onExternalLink?.(external);
          }}
        >
          <span className="reader-outline__title">{title}</span>
          {destination ? (
            <span className="reader-outline__page">{destination.pageIndex + 1}</span>
          ) : null}
        </button>
      </div>
      {open && node.children.length > 0 ? (
        <ul className="reader-outline__list">
          {node.children.map((child, index) => (
            <OutlineEntry key={index} node={child} actions={actions} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The document's outline as a tree; a click goes to the entry's page. */
export function OutlinePanel({
  outline,
  onNavigate,
  onExternalLink,
}: { outline: OutlineState } & OutlineActions) {
  const { t } = useTranslation();
  if (outline.kind === 'loading')
    return (
      <p className="reader-sidebar__note muted" role="status">
        {t('reader.outline.loading')}
      </p>
    );
  if (outline.kind === 'none')
    return (
      <p className="reader-sidebar__note muted" data-testid="reader-outline-empty">
        {t('reader.outline.none')}
      </p>
    );
  return (
    <nav
      className="reader-outline"
      aria-label={t('reader.outline.title')}
      data-testid="reader-outline"
    >
      <ul className="reader-outline__list">
        {outline.nodes.map((node, index) => (
          <OutlineEntry key={index} node={node} actions={{ onNavigate, onExternalLink }} />
        ))}
      </ul>
    </nav>
  );
}
