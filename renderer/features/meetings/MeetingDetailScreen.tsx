import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../shared/domain/offline.ts';
import { hrefFor } from '../../app/router/routes.ts';
import { takesPositions } from '../positions/takesPositions.ts';
import { useMeetingPositions } from '../positions/useMeetingPositions.ts';
import { isStaff } from '../secretariat/isStaff.ts';
import { SecretariatPanel } from '../secretariat/SecretariatPanel.tsx';
import { useSessionStore } from '../session/sessionStore.ts';
import { useMeetingVotes } from '../votes/useMeetingVotes.ts';
import { AgendaItemActivity } from './AgendaItemActivity.tsx';
import { AgendaItemView } from './AgendaItemView.tsx';
import { AttendancePanel } from './AttendancePanel.tsx';
import { MakeOfflinePanel } from './MakeOfflinePanel.tsx';
import { MeetingWhen } from './MeetingWhen.tsx';
import { displayedDownload, meetingDownloadProgress } from './paperDownloads.ts';
import { PaperRow } from './PaperRow.tsx';
import { ParticipantsList } from './ParticipantsList.tsx';
import { useAttendance } from './useAttendance.ts';
import { useMeetingDetail } from './useMeetingDetail.ts';

/** The chair's name: the participant named by `chairId`, else whoever has the chair role. */
function chairName(detail: MeetingDetail): string | null {
  const { chairId } = detail.meeting;
  const chair =
    (chairId === null
      ? undefined
      : detail.participants.find((entry) => entry.participant.userId === chairId)) ??
    detail.participants.find((entry) => entry.participant.role === 'chair');
  return chair?.user?.displayName ?? null;
}

/**
 * One meeting: header, "available offline", for the secretariat its panel, attendance and
 * quorum, the agenda with its papers and what members do on each item (position, votes,
 * comments; not offered once the meeting is closed, with the reason), and who attends.
 */
export function MeetingDetailScreen({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { detail, error, overlay, reload } = useMeetingDetail(meetingId);
  const user = useSessionStore((state) => state.user);
  const positions = useMeetingPositions(meetingId, detail?.meeting.startsAt ?? null);
  const votes = useMeetingVotes(meetingId);
  const attendance = useAttendance(meetingId);

  const back = (
    <a className="back-link" href={hrefFor('meetings')} data-testid="back-to-meetings">
      {t('meeting.back')}
    </a>
  );

  if (!detail) {
    return (
      <section
        className="screen"
        data-testid="meeting-detail"
        data-state={error ? 'error' : 'loading'}
      >
        {back}
        {error ? (
          <div className="notice notice--error" role="alert" data-testid="meeting-load-error">
            <p>{t('meeting.loadFailed')}</p>
            <p>{t(`errors.${error}`)}</p>
            <p className="notice__code">{t('settings.status.errorCode', { code: error })}</p>
            <button type="button" className="button" onClick={reload}>
              {t('settings.retry')}
            </button>
          </div>
        ) : (
          <p className="muted" role="status">
            {t('meeting.loading')}
          </p>
        )}
      </section>
    );
  }

  const { meeting } = detail;
  const closed = meeting.status === 'closed';
  const chair = chairName(detail);
  const askPosition = user !== null && takesPositions(detail, user);
  const allVotes = votes.votes?.votes ?? [];
  const positionOf = (agendaItemId: string) =>
    positions.positions?.items.find((entry) => entry.agendaItemId === agendaItemId) ?? null;
  return (
    <section
      className="screen screen--wide"
      aria-labelledby="meeting-title"
      data-testid="meeting-detail"
      data-state="ready"
    >
      {back}
      <header className="meeting-header">
        <h1 id="meeting-title" className="screen__title" data-testid="meeting-title">
          {meeting.title}
        </h1>
        <dl className="meeting-header__facts">
          <div>
            <dt>{t('meeting.when')}</dt>
            <dd>
              <MeetingWhen meeting={meeting} />
            </dd>
          </div>
          {meeting.location === '' ? null : (
            <div>
              <dt>{t('meetings.location')}</dt>
              <dd>{meeting.location}</dd>
            </div>
          )}
          {chair === null ? null : (
            <div>
              <dt>{t('meeting.chair')}</dt>
              <dd>{chair}</dd>
            </div>
          )}
        </dl>
      </header>

      {closed ? (
        <p className="notice" role="status" data-testid="meeting-closed">
          {t('meeting.closed')}
        </p>
      ) : null}

      <MakeOfflinePanel
        meetingId={meeting.id}
        progress={meetingDownloadProgress(detail, overlay)}
      />

      {isStaff(user?.role) ? (
        <SecretariatPanel
          items={detail.items.map((entry) => entry.item)}
          positions={positions.positions}
          votes={allVotes}
          onOpen={votes.open}
          onClose={votes.close}
          attendance={attendance.attendance}
          onSaveAttendance={attendance.save}
          closed={closed}
        />
      ) : null}

      <AttendancePanel attendance={attendance.attendance} error={attendance.error} />

      <section className="agenda" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading" className="section__title">
          {t('agenda.heading')}
        </h2>
        {positions.error && !positions.positions ? (
          <p className="field__error" role="alert" data-testid="positions-load-error">
            {t('positions.loadFailed', { reason: t(`errors.${positions.error}`) })}
          </p>
        ) : null}
        {votes.error && !votes.votes ? (
          <p className="field__error" role="alert" data-testid="votes-load-error">
            {t('votes.loadFailed', { reason: t(`errors.${votes.error}`) })}
          </p>
        ) : null}
        {detail.items.length === 0 ? (
          <p className="muted">{t('agenda.empty')}</p>
        ) : (
          <ol className="agenda__list">
            {detail.items.map((entry) => (
              <AgendaItemView key={entry.item.id} entry={entry} overlay={overlay}>
                <AgendaItemActivity
                  agendaItemId={entry.item.id}
                  position={positionOf(entry.item.id)}
                  started={positions.positions?.started ?? false}
                  askPosition={askPosition}
                  onSetPosition={positions.set}
                  votes={allVotes.filter((view) => view.vote.agendaItemId === entry.item.id)}
                  onCast={votes.cast}
                  closed={closed}
                />
              </AgendaItemView>
            ))}
          </ol>
        )}
      </section>

      {detail.otherPapers.length === 0 ? null : (
        <section className="agenda" aria-labelledby="other-papers-heading">
          <h2 id="other-papers-heading" className="section__title">
            {t('agenda.otherPapers')}
          </h2>
          <ul className="paper-list">
            {detail.otherPapers.map((paper) => (
              <PaperRow
                key={paper.document.id}
                paper={paper}
                download={displayedDownload(paper, overlay)}
                meetingId={meeting.id}
              />
            ))}
          </ul>
        </section>
      )}

      <ParticipantsList participants={detail.participants} />
    </section>
  );
}
