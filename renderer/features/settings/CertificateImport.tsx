import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo } from '../../../shared/domain/opinionViews.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { invoke } from '../../ipc/invoke.ts';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { useSessionStore } from '../session/sessionStore.ts';
import { KeyPasswordField } from './KeyPasswordField.tsx';

/** Bytes → standard base64 without Node (the renderer has no Buffer). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The signing certificate (chứng thư số) for written opinions: a PKCS#12 file (.p12/.pfx) and
 * its password, opened and kept sealed by the core. Shown only to a signed-in user.
 */
export function CertificateImport() {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const signedIn = useSessionStore((state) => state.user !== null);
  const [current, setCurrent] = useState<CertificateInfo | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcErrorCode | null>(null);
  const [imported, setImported] = useState(false);

  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    void invoke('certificates:get', {}).then((r) => {
      if (live && r.ok) setCurrent(r.value.certificate);
    });
    return () => {
      live = false;
    };
  }, [signedIn]);

  if (!signedIn) return null;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (file === null || busy) return;
    setBusy(true);
    setError(null);
    setImported(false);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await invoke('certificates:import', { pkcs12Base64: toBase64(bytes), password });
    setBusy(false);
    setPassword('');
    if (!result.ok) {
      setError(result.error.code);
      return;
    }
    setCurrent(result.value);
    setImported(true);
  }

  return (
    <section
      className="settings-section"
      aria-labelledby={`${id}-title`}
      data-testid="certificate-import"
    >
      <h2 id={`${id}-title`}>{t('certificate.title')}</h2>
      {current ? (
        <dl data-testid="certificate-current">
          <dt>{t('certificate.subject')}</dt>
          <dd>{current.subject}</dd>
          <dt>{t('certificate.serial')}</dt>
          <dd>{current.serial}</dd>
          <dt>{t('certificate.notAfter')}</dt>
          <dd>{formatDateTime(Date.parse(current.notAfter), language)}</dd>
        </dl>
      ) : (
        <p className="muted">{t('certificate.none')}</p>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <label className="field" htmlFor={`${id}-file`}>
          <span className="field__label">{t('certificate.file')}</span>
          <input
            id={`${id}-file`}
            type="file"
            accept=".p12,.pfx,application/x-pkcs12"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="certificate-file"
          />
        </label>
        <KeyPasswordField
          id={`${id}-password`}
          label={t('certificate.password')}
          value={password}
          onChange={setPassword}
          testId="certificate-password"
        />
        {error ? (
          <p className="field__error" role="alert" data-testid="certificate-error">
            {t(`errors.${error}`)}
          </p>
        ) : null}
        {imported ? (
          <p role="status" data-testid="certificate-imported">
            {t('certificate.imported')}
          </p>
        ) : null}
        <button
          type="submit"
          className="button"
          aria-disabled={file === null || busy}
          data-testid="certificate-submit"
        >
          {t('certificate.import')}
        </button>
      </form>
    </section>
  );
}
