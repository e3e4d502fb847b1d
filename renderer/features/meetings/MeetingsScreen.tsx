import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared/domain/offline.ts';
import { groupMeetings, isInProgress } from './groupMeetings.ts';
import { MeetingCard } from './MeetingCard.tsx';
import { MeetingsEmptyState } from './MeetingsEmptyState.tsx';
import { useMeetingsStore } from './meetingsStore.ts';

function MeetingGroup({
  id,
  title,
  meetings,
  now,
}: {
  id: string;
  title: string;
  meetings: MeetingSummary[];
  now: number;
}) {
  if (meetings.length === 0) return null;
  return (
    <section className="meeting-group" aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="meeting-group__title">
        {title}
      </h2>
      <ul className="meeting-group__list">
        {meetings.map((summary) => (
          <MeetingCard
            key={summary.meeting.id}
            summary={summary}
            inProgress={isInProgress(summary, now)}
          />
        ))}
      </ul>
    </section>
  );
}

/**
 * The meetings on this device (works offline), upcoming first, then past. Loads on mount; the
 * store reloads it after syncs and finished downloads (`startMeetingsSync`).
 */
export function MeetingsScreen() {
  const { t } = useTranslation();
  const meetings = useMeetingsStore((state) => state.meetings);
  const loadStatus = useMeetingsStore((state) => state.loadStatus);
  const loadError = useMeetingsStore((state) => state.loadError);
  const load = useMeetingsStore((state) => state.load);

  useEffect(() => {
    void load();
  }, [load]);

  // Read once per render: grouping follows the clock whenever the list re-renders.
  const now = Date.now();
  const groups = meetings ? groupMeetings(meetings, now) : null;

  return (
    <section className="screen" aria-labelledby="meetings-title" data-testid="meetings-screen">
      <h1 id="meetings-title" className="screen__title">
        {t('meetings.title')}
      </h1>
      {groups && meetings ? (
        meetings.length === 0 ? (
          <MeetingsEmptyState />
        ) : (
          <div className="meetings-list" data-testid="meetings-list">
            <MeetingGroup
              id="meetings-upcoming"
              title={t('meetings.upcoming')}
              meetings={groups.upcoming}
              now={now}
            />
            <MeetingGroup
              id="meetings-past"
              title={t('meetings.past')}
              meetings={groups.past}
              now={now}
            />
          </div>
        )
      ) : loadStatus === 'failed' && loadError ? (
        <div className="notice notice--error" role="alert" data-testid="meetings-load-error">
          <p>{t('meetings.loadFailed')}</p>
          <p>{t(`errors.${loadError}`)}</p>
          <p className="notice__code">{t('settings.status.errorCode', { code: loadError })}</p>
          <button type="button" className="button" onClick={() => void load()}>
            {t('settings.retry')}
          </button>
        </div>
      ) : (
        <p className="muted" role="status" data-testid="meetings-loading">
          {t('meetings.loading')}
        </p>
      )}
    </section>
  );
}
