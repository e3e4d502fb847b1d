import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperView } from '../../../shared/domain/offline.ts';
import { hrefFor } from '../../app/router/routes.ts';
import { meetingHref } from '../../app/router/views.ts';
import { invoke } from '../../ipc/invoke.ts';
import { loadPdfjsDocument } from '../../pdf/loadPdfjsDocument.ts';
import type { PdfLoader } from '../../pdf/pdfTypes.ts';
import { AnnotatedReader } from '../annotations/AnnotatedReader.tsx';
import type { ReaderViewState } from '../reader/readerViewState.ts';
import {
  createViewStateSaver,
  loadKeptViewState,
  viewStateFor,
  type KeptViewState,
} from '../reader/viewStateStore.ts';
import { openExternalLink } from './openExternalLink.ts';
import { usePaperBytes } from './usePaperBytes.ts';
import { usePaperWatermark } from './usePaperWatermark.ts';

/** Codes for which asking again can help (a connection came back, a file was re-fetched). */
const RETRYABLE = new Set([
  'NOT_CACHED',
  'INTEGRITY_FAILED',
  'NOT_AVAILABLE',
  'INTERNAL',
  'SERVER_UNREACHABLE',
]);

/** The paper's metadata from its meeting, for the title; null while unknown (or not found). */
function usePaperInfo(documentId: string, meetingId: string | null): PaperView | null {
  const [info, setInfo] = useState<PaperView | null>(null);
  useEffect(() => {
    if (meetingId === null) return undefined;
    let active = true;
    void invoke('meetings:get', { meetingId }).then((result) => {
      if (!active || !result.ok) return;
      const papers = [
        ...result.value.items.flatMap((entry) => entry.papers),
        ...result.value.otherPapers,
      ];
      setInfo(papers.find((paper) => paper.document.id === documentId) ?? null);
    });
    return () => {
      active = false;
    };
  }, [documentId, meetingId]);
  return info;
}

/**
 * Where the member last left this paper, asked of the core at once (in parallel with the
 * bytes: it needs no hash); `undefined` while the answer is awaited, so the reader opens only
 * once it knows where. Kept only for the file shown (viewStateFor).
 */
function useKeptViewState(documentId: string): KeptViewState | null | undefined {
  const [loaded, setLoaded] = useState<{ documentId: string; kept: KeptViewState | null } | null>(
    null,
  );
  useEffect(() => {
    let active = true;
    void loadKeptViewState(documentId).then((kept) => {
      if (active) setLoaded({ documentId, kept });
    });
    return () => {
      active = false;
    };
  }, [documentId]);
  return loaded?.documentId === documentId ? loaded.kept : undefined;
}

/**
 * One paper: asks the core for its verified bytes and shows them in the reader. What the core
 * refuses (not downloaded while offline, integrity failure, not found) is said plainly in
 * `paper-error`; a file pdf.js cannot read is reported by the reader itself (`pdf-error`).
 * The reader applies the paper's copy policy (it comes with the bytes, so it holds from the
 * first frame), reopens where the member left this version of the paper (kept by the core:
 * viewStateStore), draws
 * the member, unit, time and device into every page (no page before that is known), and hands
 * https/mailto links to the shell, which asks the member before opening them (in browser mode
 * the page asks: openExternalLink). `loader` is injectable for tests (jsdom has no
 * canvas and no worker).
 */
export function PaperScreen({
  documentId,
  meetingId,
  loader = loadPdfjsDocument,
}: {
  documentId: string;
  meetingId: string | null;
  loader?: PdfLoader;
}) {
  const { t } = useTranslation();
  const { paper, retry } = usePaperBytes(documentId, loader);
  // The engine (pdf.js and its worker) starts while the bytes are still on their way.
  useEffect(() => loader.prepare?.(), [loader]);
  const info = usePaperInfo(documentId, meetingId);
  const title = info?.document.title ?? t('paperView.untitled');
  const watermark = usePaperWatermark();
  const sha256 = paper.kind === 'ready' ? paper.sha256 : null;
  const kept = useKeptViewState(documentId);
  const initialViewState =
    kept === undefined || sha256 === null ? undefined : viewStateFor(kept, sha256);
  const saver = useMemo(
    () => (sha256 === null ? null : createViewStateSaver(documentId, sha256)),
    [documentId, sha256],
  );
  const onViewStateChange = useCallback((state: ReaderViewState) => saver?.save(state), [saver]);
  // No page is shown unwatermarked: a failure to learn who reads is shown like the paper's own.
  const failure = paper.kind === 'error' ? paper : watermark.kind === 'error' ? watermark : null;

  return (
    <section
      className="screen screen--reader"
      aria-labelledby="paper-title"
      data-testid="paper-view"
      data-state={failure ? 'error' : paper.kind}
    >
      <a
        className="back-link"
        href={meetingId === null ? hrefFor('meetings') : meetingHref(meetingId)}
        data-testid="back-to-meeting"
      >
        {meetingId === null ? t('meeting.back') : t('paperView.back')}
      </a>
      <header className="paper-header">
        <h1 id="paper-title" className="screen__title" data-testid="paper-title">
          {title}
        </h1>
        {info ? (
          <p className="muted">
            {t(`paper.kind.${info.document.kind}`)} ·{' '}
            {t('paper.version', { version: info.document.currentVersion })}
          </p>
        ) : null}
        {paper.kind === 'ready' && !paper.copyAllowed ? (
          <p className="paper-header__policy" data-testid="paper-copy-policy">
            {t('paperView.copyForbidden')}
          </p>
        ) : null}
      </header>
      {paper.kind === 'loading' ? (
        <p className="muted" role="status" data-testid="paper-loading">
          {t('paperView.loading')}
        </p>
      ) : failure ? (
        <div
          className="notice notice--error"
          role="alert"
          data-testid="paper-error"
          data-code={failure.code}
        >
          <p className="notice__lead">{t(`errors.${failure.code}`)}</p>
          {failure.code === 'INTEGRITY_FAILED' ? <p>{t('paperView.integrityHint')}</p> : null}
          <p className="notice__code">{t('settings.status.errorCode', { code: failure.code })}</p>
          {paper.kind === 'error' && RETRYABLE.has(paper.code) ? (
            <button type="button" className="button" data-testid="paper-retry" onClick={retry}>
              {t('settings.retry')}
            </button>
          ) : null}
        </div>
      ) : paper.kind !== 'ready' || initialViewState === undefined || watermark.kind !== 'ready' ? (
        <p className="muted" role="status" data-testid="paper-loading">
          {t('paperView.loading')}
        </p>
      ) : (
        <AnnotatedReader
          // A new version is a new reader: the old one reports its position under its own hash.
          key={paper.sha256}
          documentId={documentId}
          version={paper.version}
          sha256={paper.sha256}
          data={paper.data}
          loader={paper.loader}
          label={title}
          initialViewState={initialViewState}
          onViewStateChange={onViewStateChange}
          allowCopy={paper.copyAllowed}
          watermark={watermark.watermark}
          onExternalLink={(url) =>
            void openExternalLink(url, (shown) => t('paperView.openLinkQuestion', { url: shown }))
          }
        />
      )}
    </section>
  );
}
