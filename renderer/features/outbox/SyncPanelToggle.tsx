import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutboxStore } from './outboxStore.ts';
import { SyncPanel } from './SyncPanel.tsx';

/**
 * The header's "changes" button: how many changes wait for the server (badge), how many were
 * refused, and the sync panel it opens. Asks for the outbox status when it first shows (it is
 * only rendered while someone is signed in); `outbox:changed` keeps the counts current.
 */
export function SyncPanelToggle() {
  const { t } = useTranslation();
  const counts = useOutboxStore((state) => state.counts);
  const load = useOutboxStore((state) => state.load);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = `sync-panel-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  useEffect(() => {
    void load();
  }, [load]);

  const pending = counts?.pending ?? 0;
  const rejected = counts?.rejected ?? 0;
  const state = counts?.updateRequired
    ? 'update-required'
    : rejected > 0
      ? 'rejected'
      : pending > 0
        ? 'pending'
        : 'idle';

  return (
    <div className="sync-status">
      <button
        ref={toggle}
        type="button"
        className={`button button--header sync-status__toggle sync-status__toggle--${state}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="sync-panel-toggle"
        data-state={state}
        onClick={() => setOpen((value) => !value)}
      >
        <span>{t('outbox.toggle')}</span>
        <span className="count-badge" aria-hidden="true" data-testid="sync-pending-count">
          {pending}
        </span>
        <span className="visually-hidden">{t('outbox.pendingShort', { count: pending })}</span>
        {rejected > 0 ? (
          <>
            <span
              className="count-badge count-badge--danger"
              aria-hidden="true"
              data-testid="sync-rejected-count"
            >
              {rejected}
            </span>
            <span className="visually-hidden">
              {t('outbox.rejectedShort', { count: rejected })}
            </span>
          </>
        ) : null}
      </button>
      {open ? (
        <SyncPanel
          id={panelId}
          onClose={() => {
            setOpen(false);
            toggle.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
