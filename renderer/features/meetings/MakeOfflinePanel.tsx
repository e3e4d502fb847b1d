import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { formatBytes } from '../../i18n/formatBytes.ts';
import { formatPercent } from '../../i18n/formatPercent.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { invoke } from '../../ipc/invoke.ts';
import { useSessionStore } from '../session/sessionStore.ts';
import type { MeetingDownloadProgress } from './paperDownloads.ts';

type Request =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'queued'; count: number }
  | { kind: 'error'; code: IpcErrorCode };

/**
 * "Make available offline" for a whole meeting (`documents:download`) and where it stands. The
 * status (`meeting-offline-status`, data-state none/partial/complete) follows the papers'
 * displayed states, so it turns "available offline" as soon as the last file is cached.
 * Where the OS offers no secret store the core never caches papers; the panel says why instead
 * of offering a button that cannot work.
 */
export function MakeOfflinePanel({
  meetingId,
  progress,
}: {
  meetingId: string;
  progress: MeetingDownloadProgress;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cacheAvailable = useSessionStore((state) => state.offlineCacheAvailable);
  const [request, setRequest] = useState<Request>({ kind: 'idle' });

  async function onClick(): Promise<void> {
    if (request.kind === 'asking') return;
    setRequest({ kind: 'asking' });
    const result = await invoke('documents:download', { meetingId });
    setRequest(
      result.ok
        ? { kind: 'queued', count: result.value.queued }
        : { kind: 'error', code: result.error.code },
    );
  }

  const complete = progress.state === 'complete';
  const busy = request.kind === 'asking' || progress.active > 0;
  const fraction =
    progress.totalBytes > 0 ? progress.receivedBytes / progress.totalBytes : complete ? 1 : 0;

  return (
    <section className="panel offline-panel" aria-labelledby="offline-heading">
      <h2 id="offline-heading" className="panel__title">
        {t('offline.heading')}
      </h2>
      <p
        className={`offline-status offline-status--${progress.state}`}
        role="status"
        aria-live="polite"
        data-testid="meeting-offline-status"
        data-state={progress.state}
      >
        {complete
          ? t('offline.status.complete')
          : progress.state === 'partial'
            ? t('offline.status.partial', {
                cached: progress.cachedDocuments,
                total: progress.totalDocuments,
              })
            : t('offline.status.none')}
      </p>
      {!complete && progress.totalBytes > 0 && (busy || progress.receivedBytes > 0) ? (
        <div className="offline-panel__progress">
          <progress
            className="progress"
            max={progress.totalBytes}
            value={progress.receivedBytes}
            aria-label={t('offline.progressLabel')}
            data-testid="meeting-offline-progress"
          />
          <span>
            {t('offline.progress', {
              percent: formatPercent(fraction, language),
              received: formatBytes(progress.receivedBytes, language),
              total: formatBytes(progress.totalBytes, language),
            })}
          </span>
        </div>
      ) : null}
      {!cacheAvailable ? (
        <p className="muted" data-testid="offline-unavailable">
          {t('offline.unavailable')}
        </p>
      ) : complete ? null : (
        <button
          type="button"
          className="button button--primary"
          aria-disabled={busy}
          data-testid="make-offline"
          onClick={() => void onClick()}
        >
          {busy
            ? t('offline.downloading')
            : progress.failed > 0
              ? t('offline.retry')
              : t('offline.makeAvailable')}
        </button>
      )}
      {request.kind === 'error' ? (
        <p className="field__error" role="alert">
          {t('offline.requestFailed', { reason: t(`errors.${request.code}`) })}
        </p>
      ) : null}
      {request.kind === 'queued' && request.count === 0 && !complete && !busy ? (
        <p className="muted" data-testid="offline-nothing-queued">
          {t('offline.nothingQueued')}
        </p>
      ) : null}
      {progress.failed > 0 && !busy ? (
        <p className="field__error">{t('offline.someFailed', { count: progress.failed })}</p>
      ) : null}
    </section>
  );
}
