import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceView } from '../../../shared/domain/attendanceView.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import type { AttendanceState } from '../meetings/useAttendance.ts';

type Outcome = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; code: IpcErrorCode };

/**
 * The secretariat's roll call: a box per participant, ticked for those present, and "Save"
 * (online only; the whole list replaces the previous one). The ticks start from the roll call
 * as synced and follow it while the secretariat has not changed them here. A closed meeting's
 * roll call is final: the boxes are disabled, with the reason.
 */
export function RollCall({
  attendance,
  closed,
  onSave,
}: {
  attendance: AttendanceView | null;
  closed: boolean;
  onSave: AttendanceState['save'];
}) {
  const { t } = useTranslation();
  const synced = presentOf(attendance);
  const [base, setBase] = useState(synced);
  const [ticked, setTicked] = useState(synced);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  if (!sameSet(synced, base)) {
    // The synced roll call changed: follow it unless the secretariat is editing here.
    setBase(synced);
    if (sameSet(ticked, base)) setTicked(synced);
  }
  if (!attendance) return null;

  const toggle = (userId: string): void => {
    const next = new Set(ticked);
    if (next.has(userId)) next.delete(userId);
    else next.add(userId);
    setTicked(next);
    setOutcome({ kind: 'idle' });
  };

  async function save(): Promise<void> {
    if (busy || closed) return;
    setBusy(true);
    const result = await onSave([...ticked]);
    setBusy(false);
    setOutcome(result.ok ? { kind: 'saved' } : { kind: 'failed', code: result.error.code });
  }

  return (
    <section className="roll-call" data-testid="roll-call">
      <h3 className="secretariat-item__title">{t('secretariat.rollCall.heading')}</h3>
      {closed ? (
        <p className="activity__closed" data-testid="roll-call-closed">
          {t('secretariat.rollCall.closed')}
        </p>
      ) : (
        <p className="muted">{t('secretariat.rollCall.hint')}</p>
      )}
      <ul className="roll-call__list">
        {attendance.attendees.map((a) => (
          <li key={a.userId}>
            <label>
              <input
                type="checkbox"
                checked={ticked.has(a.userId)}
                disabled={closed}
                data-testid="roll-call-present"
                data-user-id={a.userId}
                onChange={() => toggle(a.userId)}
              />{' '}
              {a.name ?? t('attendance.unknownName')}
            </label>
          </li>
        ))}
      </ul>
      {closed ? null : (
        <div>
          <button
            type="button"
            className="button button--primary button--small"
            aria-disabled={busy}
            data-testid="roll-call-save"
            onClick={() => void save()}
          >
            {busy ? t('secretariat.rollCall.saving') : t('secretariat.rollCall.save')}
          </button>
        </div>
      )}
      {outcome.kind === 'saved' ? (
        <p className="muted" role="status" data-testid="roll-call-saved">
          {t('secretariat.rollCall.saved')}
        </p>
      ) : null}
      {outcome.kind === 'failed' ? (
        <p className="field__error" role="alert">
          {t('secretariat.rollCall.failed', { reason: t(`errors.${outcome.code}`) })}
        </p>
      ) : null}
    </section>
  );
}

function presentOf(attendance: AttendanceView | null): ReadonlySet<string> {
  return new Set(attendance?.attendees.filter((a) => a.present).map((a) => a.userId) ?? []);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
