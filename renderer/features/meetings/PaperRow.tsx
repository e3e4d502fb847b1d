import { useTranslation } from 'react-i18next';
import type { DownloadState, PaperView } from '../../../shared/domain/offline.ts';
import { paperHref } from '../../app/router/views.ts';
import { formatBytes } from '../../i18n/formatBytes.ts';
import { formatPercent } from '../../i18n/formatPercent.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { toIpcErrorCode } from '../../ipc/invoke.ts';

function DownloadStatus({ download, size }: { download: DownloadState; size: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = download.totalBytes > 0 ? download.totalBytes : size;
  const fraction = total > 0 ? download.receivedBytes / total : 0;
  return (
    <span
      className={`paper__download paper__download--${download.state}`}
      data-testid="paper-download"
      data-state={download.state}
    >
      {download.state === 'downloading' ? (
        <>
          <progress
            className="progress progress--small"
            max={total}
            value={Math.min(download.receivedBytes, total)}
            aria-label={t('paper.download.progressLabel')}
          />
          <span>
            {t('paper.download.downloading', { percent: formatPercent(fraction, language) })}
          </span>
        </>
      ) : download.state === 'failed' ? (
        t('paper.download.failed', { reason: t(`errors.${toIpcErrorCode(download.error)}`) })
      ) : (
        t(`paper.download.${download.state}`)
      )}
    </span>
  );
}

/**
 * One paper of an agenda item: its title (a link to the reader), kind, version, size and where
 * its download stands. `download` is the displayed state (events laid over the core's answer).
 */
export function PaperRow({
  paper,
  download,
  meetingId,
}: {
  paper: PaperView;
  download: DownloadState;
  meetingId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { document, version } = paper;
  return (
    <li className="paper" data-testid="paper" data-document-id={document.id}>
      <a
        className="paper__title"
        href={paperHref(document.id, meetingId)}
        data-testid="paper-link"
        data-document-id={document.id}
      >
        {document.title}
      </a>
      <span className="paper__facts">
        <span className={`badge badge--kind-${document.kind}`}>
          {t(`paper.kind.${document.kind}`)}
        </span>
        <span>{t('paper.version', { version: document.currentVersion })}</span>
        {version ? (
          <span>{formatBytes(version.size, language)}</span>
        ) : (
          <span>{t('paper.notSynced')}</span>
        )}
        {version && version.pageCount > 0 ? (
          <span>{t('paper.pages', { count: version.pageCount })}</span>
        ) : null}
      </span>
      <DownloadStatus download={download} size={version?.size ?? 0} />
    </li>
  );
}
