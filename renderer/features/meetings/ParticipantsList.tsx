import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../shared/domain/offline.ts';

type Participants = MeetingDetail['participants'];

/**
 * Who attends, collapsed by default (`<details>`: keyboard and screen-reader friendly without
 * script). Names come from the directory and are shown as text; a participant whose directory
 * entry has not synced yet is listed as unknown rather than hidden.
 */
export function ParticipantsList({ participants }: { participants: Participants }) {
  const { t } = useTranslation();
  const nameOf = (userId: string): string =>
    participants.find((entry) => entry.user?.id === userId)?.user?.displayName ??
    t('participants.unknown');

  return (
    <details className="panel participants" data-testid="participants">
      <summary className="participants__summary">
        {t('participants.heading', { count: participants.length })}
      </summary>
      {participants.length === 0 ? (
        <p className="muted">{t('participants.none')}</p>
      ) : (
        <ul className="participants__list">
          {participants.map(({ participant, user }) => (
            <li key={participant.id} className="participants__item" data-testid="participant">
              <span className="participants__name">
                {user?.displayName ?? t('participants.unknown')}
              </span>
              {user && user.title !== '' ? (
                <span className="participants__title">{user.title}</span>
              ) : null}
              <span className="badge">{t(`participants.role.${participant.role}`)}</span>
              {participant.substituteFor ? (
                <span className="participants__note">
                  {t('participants.substituteFor', { name: nameOf(participant.substituteFor) })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
