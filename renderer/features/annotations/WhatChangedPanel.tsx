import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfLoader } from '../../pdf/pdfTypes.ts';
import { useVersionDiff } from './useVersionDiff.ts';

export interface WhatChangedPanelProps {
  documentId: string;
  /** The version being read. */
  version: number;
  loader: PdfLoader;
  /** Older versions the member still has annotations on, newest first (the first is the
   * default comparison; once re-anchored, annotations move to the version being read). */
  annotatedVersions: readonly number[];
  /** The current version's page texts; null until the reader can read them. */
  readCurrent: () => Promise<string[]> | null;
}

/**
 * "What changed" between an older version and the one being read: page by page, the words
 * added and removed (plain text, never interpreted). Offered on any version after the first,
 * against any older one: by default the newest the member still has annotations on, else the
 * previous version (re-anchoring moves annotations onto the version being read, so the one the
 * member annotated is not always known any more).
 */
export function WhatChangedPanel(props: WhatChangedPanelProps) {
  const { t } = useTranslation();
  const { state, compare, close } = useVersionDiff(
    props.documentId,
    props.version,
    props.loader,
    props.readCurrent,
  );
  const [from, setFrom] = useState<number | null>(null);
  const older = Array.from(
    { length: Math.max(0, props.version - 1) },
    (_, i) => props.version - 1 - i,
  );
  const chosen = from ?? props.annotatedVersions.find((v) => v < props.version) ?? older[0] ?? null;
  if (chosen === null) return null;
  return (
    <section className="what-changed-panel" data-testid="what-changed">
      <div className="what-changed__controls">
        <label>
          {t('annotations.whatChanged.from')}{' '}
          <select
            data-testid="what-changed-from"
            value={chosen}
            onChange={(e) => setFrom(Number(e.target.value))}
          >
            {older.map((v) => (
              <option key={v} value={v}>
                {t('annotations.whatChanged.version', { version: v })}
              </option>
            ))}
          </select>
        </label>{' '}
        <button
          type="button"
          className="button button--small"
          data-testid="what-changed-open"
          onClick={() => compare(chosen)}
        >
          {t('annotations.whatChanged.open')}
        </button>
        {state.kind !== 'idle' ? (
          <button type="button" className="button button--small" onClick={close}>
            {t('annotations.whatChanged.close')}
          </button>
        ) : null}
      </div>
      {state.kind === 'loading' ? (
        <p className="muted" role="status">
          {t('annotations.whatChanged.loading')}
        </p>
      ) : state.kind === 'error' ? (
        <p className="field__error" role="alert" data-testid="what-changed-error">
          {t('annotations.whatChanged.error', {
            reason:
              state.code === 'UNREADABLE'
                ? t('annotations.whatChanged.unreadable')
                : t(`errors.${state.code}`),
          })}
        </p>
      ) : state.kind === 'ready' ? (
        <div className="what-changed" data-testid="what-changed-result">
          <h3>{t('annotations.whatChanged.title', { from: state.from, to: state.to })}</h3>
          {state.pages.length === 0 ? (
            <p className="muted">{t('annotations.whatChanged.none')}</p>
          ) : (
            state.pages.map(({ pageIndex, diff }) => (
              <article
                key={pageIndex}
                className="what-changed__page"
                data-testid="what-changed-page"
                data-page={pageIndex + 1}
              >
                <h4>{t('annotations.whatChanged.page', { page: pageIndex + 1 })}</h4>
                <p className="muted">
                  {t('annotations.whatChanged.summary', {
                    added: diff.added,
                    removed: diff.removed,
                  })}
                </p>
                {diff.exact ? null : (
                  <p className="muted">{t('annotations.whatChanged.approximate')}</p>
                )}
                {diff.segments.map((s, i) =>
                  s.op === 'same' ? null : (
                    <p key={i} data-testid="what-changed-segment" data-op={s.op}>
                      <strong>
                        {s.op === 'added'
                          ? t('annotations.whatChanged.added')
                          : t('annotations.whatChanged.removed')}
                        :{' '}
                      </strong>
                      {s.op === 'added' ? (
                        <ins className="what-changed__added">{s.text}</ins>
                      ) : (
                        <del className="what-changed__removed">{s.text}</del>
                      )}
                    </p>
                  ),
                )}
              </article>
            ))
          )}
        </div>
      ) : null}
    </section>
  );
}
