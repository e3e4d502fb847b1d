import { useTranslation } from 'react-i18next';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { hrefFor } from '../../app/router/routes.ts';
import type { SessionEndReason } from './sessionStore.ts';

/** Codes whose login message has a second line telling the user what to do next. */
const HINTED = [
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'SERVER_UNREACHABLE',
  'NO_SERVER_CONFIGURED',
  'PROTOCOL_UNSUPPORTED',
] as const;
type HintedCode = (typeof HINTED)[number];

function isHinted(code: IpcErrorCode): code is HintedCode {
  return (HINTED as readonly string[]).includes(code);
}

/**
 * Why signing in failed, or why the user was signed out by the server. Always rendered (empty
 * when there is nothing to say) so screen readers register the live region before its first
 * message. `data-code` carries the typed code for tests and support.
 */
export function LoginError({
  code,
  endedReason,
  serverUrl,
}: {
  code: IpcErrorCode | null;
  endedReason: SessionEndReason | null;
  serverUrl: string;
}) {
  const { t } = useTranslation();
  const shown: IpcErrorCode | null = code ?? (endedReason ? 'SESSION_EXPIRED' : null);

  return (
    <div
      className={shown ? 'notice notice--error' : 'live-region'}
      role="alert"
      data-testid="login-error"
      data-code={shown ?? undefined}
    >
      {code ? (
        <>
          <p className="notice__lead">{t(`errors.${code}`)}</p>
          {isHinted(code) ? <p>{t(`login.hints.${code}`, { server: serverUrl })}</p> : null}
          {code === 'NO_SERVER_CONFIGURED' ? (
            <a href={hrefFor('settings')}>{t('login.server.openSettings')}</a>
          ) : null}
          <p className="notice__code">{t('settings.status.errorCode', { code })}</p>
        </>
      ) : endedReason ? (
        <p className="notice__lead">{t(`login.ended.${endedReason}`)}</p>
      ) : null}
    </div>
  );
}
