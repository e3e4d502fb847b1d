import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page number field: shows the page being read; typing a number and pressing Enter (or
 * leaving the field) goes there. Anything that is not a page of the document puts the current
 * number back. Escape cancels.
 */
export function GoToPage({
  current,
  total,
  onGo,
}: {
  /** 0-based. */
  current: number;
  total: number;
  onGo: (pageIndex: number) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);

  const commit = (): void => {
    if (draft === null) return;
    const text = draft.trim();
    const page = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
    setDraft(null);
    if (page >= 1 && page <= total) onGo(page - 1);
  };

  return (
    <span className="reader-goto">
      <input
        type="text"
        inputMode="numeric"
        className="reader-goto__input"
        data-testid="reader-page-input"
        aria-label={t('reader.page.label', { total })}
        value={draft ?? String(current + 1)}
        size={Math.max(2, String(total).length)}
        onFocus={(event) => event.target.select()}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            setDraft(null);
          }
        }}
      />
      <span className="reader-goto__total" data-testid="reader-page-count">
        {t('reader.page.of', { total })}
      </span>
    </span>
  );
}
