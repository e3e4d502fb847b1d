import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  EvidenceExportOutput,
  EvidenceProgress,
} from '../../../shared/domain/evidenceViews.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { exportTarget, offerDownload } from '../../download/offerDownload.ts';
import { invoke } from '../../ipc/invoke.ts';
import { useIpcEvent } from '../../ipc/useIpcEvent.ts';
import { decodeBase64 } from '../papers/decodeBase64.ts';
import { KeyPasswordField } from '../settings/KeyPasswordField.tsx';

/**
 * Secretariat: export the ballot's evidence (docs/evidence-export.md). The certificate
 * password opens this device's signing key for the report's PAdES signature; it goes straight
 * to `ballots:exportEvidence` and is never kept. The desktop app writes the .zip into its
 * exports folder and shows where; browser mode hands it to the browser as a download.
 */
export function EvidenceExport({ ballotId }: { ballotId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<EvidenceProgress | null>(null);
  const [error, setError] = useState<IpcErrorCode | null>(null);
  const [done, setDone] = useState<EvidenceExportOutput | null>(null);
  const [url, setUrl] = useState<string | null>(null);

  useIpcEvent('evidence:progress', (p) => {
    if (p.ballotId === ballotId) setProgress(p);
  });
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    setProgress(null);
    const target = await exportTarget();
    const result = await invoke('ballots:exportEvidence', { ballotId, password, target });
    setBusy(false);
    setPassword('');
    if (!result.ok) {
      setError(result.error.code);
      return;
    }
    setDone(result.value);
    setOpen(false);
    const bytes = result.value.base64 === null ? null : decodeBase64(result.value.base64);
    if (bytes !== null) setUrl(offerDownload(bytes, result.value.fileName, 'application/zip'));
  }

  return (
    <section className="evidence" aria-labelledby={`${id}-title`} data-testid="evidence-export">
      <h2 id={`${id}-title`}>{t('ballots.evidence.title')}</h2>
      <p className="muted">{t('ballots.evidence.hint')}</p>
      {open ? (
        <form onSubmit={(e) => void submit(e)} data-testid="evidence-form">
          <KeyPasswordField
            id={`${id}-password`}
            label={t('ballots.evidence.password')}
            value={password}
            onChange={setPassword}
            testId="evidence-password"
          />
          <div className="answer__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setOpen(false)}
            >
              {t('ballots.evidence.cancel')}
            </button>
            <button
              type="submit"
              className="button"
              aria-disabled={busy}
              data-testid="evidence-submit"
            >
              {busy ? t('ballots.evidence.working') : t('ballots.evidence.submit')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            setOpen(true);
            setError(null);
          }}
          data-testid="evidence-open"
        >
          {t('ballots.evidence.open')}
        </button>
      )}
      {busy && progress !== null ? (
        <p role="status" data-testid="evidence-progress" data-step={progress.step}>
          <progress value={progress.done} max={progress.total} />{' '}
          {t(`ballots.evidence.steps.${progress.step}`)}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" role="alert" data-testid="evidence-error" data-code={error}>
          {t(`errors.${error}`)}
        </p>
      ) : null}
      {done ? (
        <p role="status" data-testid="evidence-done">
          {done.path !== null
            ? t('ballots.evidence.savedTo', { count: done.opinions, path: done.path })
            : t('ballots.evidence.downloaded', {
                count: done.opinions,
                fileName: done.fileName,
              })}{' '}
          {url ? (
            <a href={url} download={done.fileName} data-testid="evidence-download">
              {t('ballots.evidence.downloadAgain')}
            </a>
          ) : null}{' '}
          <span className="muted">{t('ballots.evidence.checkHint')}</span>
        </p>
      ) : null}
    </section>
  );
}
