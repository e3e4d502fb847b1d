import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STANCES, type Stance } from '../../../shared/domain/position.ts';
import type { ItemPositionView } from '../../../shared/domain/views.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { RejectionNotice } from '../outbox/RejectionNotice.tsx';
import type { MeetingPositionsState } from './useMeetingPositions.ts';

/** Longest note, characters (the contract's limit). */
const MAX_NOTE_LENGTH = 2000;

type PositionState = 'none' | 'pending' | 'synced' | 'rejected';

function positionState(view: ItemPositionView | null): PositionState {
  if (!view) return 'none';
  if (view.pending) return 'pending';
  if (view.rejection) return 'rejected';
  return view.mine ? 'synced' : 'none';
}

/**
 * My position on one agenda item: no objection / wish to speak / object, and an optional note.
 * Choosing a stance saves it at once (with the note as typed); the note has its own "Save".
 * Works offline (stored on the device, sent later). Locked, with the reason, once the meeting
 * has started. The note's draft is kept while the user types: a sync replaces it only when
 * the user has not changed it.
 */
export function PositionControl({
  agendaItemId,
  view,
  started,
  closed = false,
  onSet,
}: {
  agendaItemId: string;
  /** This item's entry from `positions:get`; null while loading. */
  view: ItemPositionView | null;
  started: boolean;
  /** The meeting is closed (the server refuses MEETING_CLOSED): locked, with that reason. */
  closed?: boolean;
  onSet: MeetingPositionsState['set'];
}) {
  const { t } = useTranslation();
  const id = useId();
  const mine = view?.mine ?? null;
  const saved = mine?.note ?? '';
  const [draft, setDraft] = useState(saved);
  const [base, setBase] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcErrorCode | null>(null);
  if (saved !== base) {
    // The saved note changed (sync, or our own save): follow it unless the user is editing.
    setBase(saved);
    if (draft === base) setDraft(saved);
  }

  const locked = started || closed || view === null;
  const state = positionState(view);
  const noteChanged = draft !== saved;

  async function save(stance: Stance): Promise<void> {
    if (busy || locked) return;
    setBusy(true);
    setError(null);
    const result = await onSet(agendaItemId, stance, draft);
    setBusy(false);
    if (!result.ok) setError(result.error.code);
  }

  return (
    <section
      className={`position position--${state}`}
      aria-labelledby={`${id}-title`}
      data-testid="position-control"
      data-item-id={agendaItemId}
      data-stance={mine?.stance ?? 'none'}
      data-state={state}
      data-started={started}
    >
      <h4 id={`${id}-title`} className="activity__title">
        {t('positions.heading')}
      </h4>
      <div className="position__choices" role="group" aria-labelledby={`${id}-title`}>
        {STANCES.map((stance) => (
          <button
            key={stance}
            type="button"
            className={`choice choice--${stance}`}
            aria-pressed={mine?.stance === stance}
            aria-disabled={busy}
            disabled={locked}
            data-testid={`position-stance-${stance}`}
            onClick={() => void save(stance)}
          >
            {t(`positions.stance.${stance}`)}
          </button>
        ))}
      </div>
      {closed ? (
        <p className="position__locked" data-testid="position-locked">
          {t('positions.closed')}
        </p>
      ) : started ? (
        <p className="position__locked" data-testid="position-locked">
          {t('positions.started')}
        </p>
      ) : null}
      <p className="position__status" role="status">
        {state === 'pending' ? (
          <span className="badge badge--pending">{t('activity.pending')}</span>
        ) : null}
        {mine === null && !started && view !== null ? (
          <span className="muted">{t('positions.none')}</span>
        ) : null}
      </p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-note`}>
          {t('positions.noteLabel')}
        </label>
        <textarea
          id={`${id}-note`}
          className="field__input position__note"
          rows={2}
          maxLength={MAX_NOTE_LENGTH}
          value={draft}
          disabled={locked}
          data-testid="position-note"
          onChange={(event) => setDraft(event.target.value)}
        />
        {!started && mine === null && draft.trim() !== '' ? (
          <p className="field__hint">{t('positions.noteNeedsStance')}</p>
        ) : null}
      </div>
      {!locked && mine !== null ? (
        <div className="position__actions">
          <button
            type="button"
            className="button button--small"
            aria-disabled={busy || !noteChanged}
            data-testid="position-note-save"
            onClick={() => {
              if (noteChanged) void save(mine.stance);
            }}
          >
            {t('positions.noteSave')}
          </button>
        </div>
      ) : null}
      {view?.rejection ? (
        <RejectionNotice rejection={view.rejection} lead={t('positions.rejectedLead')} />
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {t('positions.failed', { reason: t(`errors.${error}`) })}
        </p>
      ) : null}
    </section>
  );
}
