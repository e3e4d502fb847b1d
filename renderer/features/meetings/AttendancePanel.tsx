import { useTranslation } from 'react-i18next';
import type { AttendanceView } from '../../../shared/domain/attendanceView.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';

/**
 * Who the secretariat recorded present, and whether the quorum is reached, as the rule set
 * counts it (voting participants present / voting participants; shared/rules/quorum.ts).
 * Read from the device, so it shows offline the roll call as last synced.
 */
export function AttendancePanel({
  attendance,
  error,
}: {
  attendance: AttendanceView | null;
  error: IpcErrorCode | null;
}) {
  const { t } = useTranslation();
  if (!attendance) {
    return (
      <section className="panel attendance" data-testid="attendance" data-state="loading">
        <h2 className="panel__title">{t('attendance.heading')}</h2>
        {error ? (
          <p className="field__error" role="alert">
            {t('attendance.loadFailed', { reason: t(`errors.${error}`) })}
          </p>
        ) : (
          <p className="muted" role="status">
            {t('attendance.loading')}
          </p>
        )}
      </section>
    );
  }
  const { quorum } = attendance;
  return (
    <section
      className="panel attendance"
      aria-labelledby="attendance-heading"
      data-testid="attendance"
      data-state="ready"
      data-quorum={quorum.met ? 'met' : 'not-met'}
      data-present={quorum.present}
      data-eligible={quorum.eligible}
    >
      <h2 id="attendance-heading" className="panel__title">
        {t('attendance.heading')}
      </h2>
      <p className="attendance__quorum" role="status">
        <span
          className={`badge ${quorum.met ? 'badge--ok' : 'badge--rejected'}`}
          data-testid="attendance-quorum"
        >
          {quorum.met ? t('attendance.quorumMet') : t('attendance.quorumNotMet')}
        </span>{' '}
        <span data-testid="attendance-count">
          {t('attendance.count', {
            present: quorum.present,
            eligible: quorum.eligible,
            needed: quorum.needed,
            numerator: quorum.numerator,
            denominator: quorum.denominator,
          })}
        </span>
      </p>
      {attendance.recorded ? null : (
        <p className="muted" data-testid="attendance-not-recorded">
          {t('attendance.notRecorded')}
        </p>
      )}
      <ul className="attendance__list">
        {attendance.attendees.map((a) => (
          <li
            key={a.userId}
            className="attendance__item"
            data-testid="attendee"
            data-user-id={a.userId}
            data-present={a.present}
          >
            <span className="attendance__name">{a.name ?? t('attendance.unknownName')}</span>{' '}
            <span className={`badge ${a.present ? 'badge--ok' : ''}`}>
              {a.present ? t('attendance.present') : t('attendance.absent')}
            </span>
            {a.mayVote ? null : <span className="muted"> ({t('attendance.notCounted')})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
