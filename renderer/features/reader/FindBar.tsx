import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentFind } from './useDocumentFind.ts';

/**
 * The find field: Enter / Shift+Enter for the next / previous hit, Escape to close; an option
 * to ignore diacritics (on by default); the hit count or search progress, announced politely.
 */
export function FindBar({
  find,
  numPages,
  focusToken,
  onClose,
}: {
  find: DocumentFind;
  numPages: number;
  /** Changes whenever the field should take the focus (ctrl+F while already open). */
  focusToken: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { state } = find;

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusToken]);

  let status = '';
  if (state.status === 'searching')
    status = t('reader.find.searching', { searched: state.searched, total: numPages });
  else if (state.status === 'done')
    status =
      state.hits.length === 0
        ? t('reader.find.none')
        : t('reader.find.count', { current: state.current + 1, total: state.hits.length });

  return (
    <div className="reader-find" role="search" data-testid="reader-find">
      <input
        ref={input}
        type="search"
        className="reader-find__input"
        data-testid="reader-find-input"
        aria-label={t('reader.find.label')}
        placeholder={t('reader.find.placeholder')}
        value={state.query}
        maxLength={500}
        onChange={(event) => find.setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (event.shiftKey) find.previous();
            else find.next();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <button
        type="button"
        className="reader-button reader-button--previous"
        data-testid="reader-find-previous"
        aria-label={t('reader.find.previous')}
        title={t('reader.find.previous')}
        disabled={state.hits.length === 0}
        onClick={find.previous}
      />
      <button
        type="button"
        className="reader-button reader-button--next"
        data-testid="reader-find-next"
        aria-label={t('reader.find.next')}
        title={t('reader.find.next')}
        disabled={state.hits.length === 0}
        onClick={find.next}
      />
      <label className="reader-find__option">
        <input
          type="checkbox"
          data-testid="reader-find-diacritics"
          checked={state.ignoreDiacritics}
          onChange={(event) => find.setIgnoreDiacritics(event.target.checked)}
        />
        {t('reader.find.ignoreDiacritics')}
      </label>
      <span
        className="reader-find__status"
        role="status"
        aria-live="polite"
        data-testid="reader-find-status"
        data-state={state.status}
      >
        {status}
      </span>
      <button
        type="button"
        className="reader-button reader-button--close"
        data-testid="reader-find-close"
        aria-label={t('reader.find.close')}
        title={t('reader.find.close')}
        onClick={onClose}
      />
    </div>
  );
}
