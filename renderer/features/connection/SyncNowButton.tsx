import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { invoke } from '../../ipc/invoke.ts';
import { useConnectionStore } from './connectionStore.ts';

type SyncRequest =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'started' }
  | { kind: 'reconnecting' }
  | { kind: 'notStarted' }
  | { kind: 'error'; code: IpcErrorCode };

/** How long the answer stays next to the button, ms; the indicator shows the lasting state. */
const ANSWER_SHOWN_MS = 5000;

/**
 * "Sync now" (`sync:now`). The core answers at once: a pull started (or, while disconnected, a
 * reconnect attempt that pulls once connected), or nothing could start. The outcome itself shows
 * in the connection indicator (last synced) and in the screens, which reload on `sync:applied`.
 */
export function SyncNowButton() {
  const { t } = useTranslation();
  const [request, setRequest] = useState<SyncRequest>({ kind: 'idle' });

  useEffect(() => {
    if (request.kind === 'idle' || request.kind === 'asking') return undefined;
    const timer = setTimeout(() => setRequest({ kind: 'idle' }), ANSWER_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [request]);

  async function onClick(): Promise<void> {
    if (request.kind === 'asking') return;
    setRequest({ kind: 'asking' });
    const result = await invoke('sync:now', {});
    if (!result.ok) {
      setRequest({ kind: 'error', code: result.error.code });
      return;
    }
    const online = useConnectionStore.getState().connection.state === 'online';
    setRequest({
      kind: !result.value.started ? 'notStarted' : online ? 'started' : 'reconnecting',
    });
  }

  return (
    <div className="sync-now">
      <button
        type="button"
        className="button button--header"
        aria-disabled={request.kind === 'asking'}
        data-testid="sync-now"
        onClick={() => void onClick()}
      >
        {t('connection.syncNow')}
      </button>
      <span
        className="sync-now__status"
        role="status"
        aria-live="polite"
        data-testid="sync-now-status"
        data-state={request.kind}
      >
        {request.kind === 'started' ? t('connection.syncStarted') : null}
        {request.kind === 'reconnecting' ? t('connection.syncReconnecting') : null}
        {request.kind === 'notStarted' ? t('connection.syncNotStarted') : null}
        {request.kind === 'error' ? t(`errors.${request.code}`) : null}
      </span>
    </div>
  );
}
