import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared/domain/offline.ts';
import { meetingHref } from '../../app/router/views.ts';
import { MeetingWhen } from './MeetingWhen.tsx';
import { OfflineBadge } from './OfflineBadge.tsx';

/** One meeting in the list; the title links to its detail. Server text is shown as text only. */
export function MeetingCard({
  summary,
  inProgress,
}: {
  summary: MeetingSummary;
  inProgress: boolean;
}) {
  const { t } = useTranslation();
  const { meeting } = summary;
  return (
    <li className="meeting-card" data-testid="meeting-card" data-meeting-id={meeting.id}>
      <h3 className="meeting-card__title">
        <a className="meeting-card__link" href={meetingHref(meeting.id)} data-testid="meeting-link">
          {meeting.title}
        </a>
      </h3>
      <p className="meeting-card__when">
        <MeetingWhen meeting={meeting} />
        {inProgress ? <span className="badge badge--live">{t('meetings.inProgress')}</span> : null}
      </p>
      {meeting.location === '' ? null : (
        <p className="meeting-card__where">
          <span className="visually-hidden">{t('meetings.location')} </span>
          {meeting.location}
        </p>
      )}
      <p className="meeting-card__facts">
        <span data-testid="meeting-item-count">
          {t('meetings.itemCount', { count: summary.itemCount })}
        </span>
        <span>{t('meetings.paperCount', { count: summary.documentCount })}</span>
        <OfflineBadge offline={summary.offline} />
      </p>
    </li>
  );
}
