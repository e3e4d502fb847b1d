import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationExport as Exported } from '../../../shared/domain/annotationViews.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { exportTarget, offerDownload } from '../../download/offerDownload.ts';
import { invoke } from '../../ipc/invoke.ts';
import { decodeBase64 } from '../papers/decodeBase64.ts';

type Format = Exported['format'];
const FORMATS: readonly Format[] = ['pdf', 'w3c'];

/**
 * Export my annotations on the version being read (`annotations:export`): a copy of the paper
 * with standard PDF annotations, or W3C Web Annotation JSON-LD. The desktop app's core writes
 * the file into its exports folder and the path is shown; browser mode downloads it. One export
 * at a time; a refusal is shown with its error code. A paper whose copy policy forbids copying
 * (`allowed` false) offers no export: the buttons are disabled and the reason is shown (the core
 * refuses such an export too, COPY_NOT_ALLOWED).
 */
export function AnnotationExport({
  documentId,
  allowed,
}: {
  documentId: string;
  allowed: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<IpcErrorCode | null>(null);
  const [done, setDone] = useState<Exported | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  async function run(format: Format): Promise<void> {
    if (busy !== null || !allowed) return;
    setBusy(format);
    setError(null);
    setDone(null);
    const target = await exportTarget();
    const result = await invoke('annotations:export', { documentId, format, target });
    setBusy(null);
    if (!result.ok) {
      setError(result.error.code);
      return;
    }
    setDone(result.value);
    const bytes = result.value.path === null ? decodeBase64(result.value.base64) : null;
    setUrl(
      bytes === null ? null : offerDownload(bytes, result.value.fileName, result.value.mediaType),
    );
  }

  return (
    <div className="annotation-export" data-testid="annotation-export">
      <span className="annotation-export__label">{t('annotations.export.title')}</span>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button button--small"
          disabled={!allowed}
          aria-disabled={busy !== null || !allowed}
          onClick={() => void run(format)}
          data-testid={`annotation-export-${format}`}
        >
          {t(`annotations.export.${format}`)}
        </button>
      ))}
      {allowed ? null : (
        <p className="muted" data-testid="annotation-export-forbidden">
          {t('errors.COPY_NOT_ALLOWED')}
        </p>
      )}
      {busy !== null ? (
        <p role="status" data-testid="annotation-export-progress" data-format={busy}>
          {t('annotations.export.working')}
        </p>
      ) : null}
      {error ? (
        <p
          className="field__error"
          role="alert"
          data-testid="annotation-export-error"
          data-code={error}
        >
          {t(`errors.${error}`)}
        </p>
      ) : null}
      {done ? (
        <p
          role="status"
          data-testid="annotation-export-done"
          data-format={done.format}
          data-file-name={done.fileName}
          data-path={done.path ?? undefined}
        >
          {done.path !== null
            ? t('annotations.export.savedTo', { path: done.path })
            : t('annotations.export.downloaded', { fileName: done.fileName })}{' '}
          {url ? (
            <a href={url} download={done.fileName} data-testid="annotation-export-download">
              {t('annotations.export.downloadAgain')}
            </a>
          ) : null}
          {done.skipped > 0 ? (
            <span className="muted">
              {' '}
              {t('annotations.export.skipped', { count: done.skipped })}
            </span>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
