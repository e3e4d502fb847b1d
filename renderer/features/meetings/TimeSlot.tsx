import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/domain/meeting.ts';
import { formatTime } from '../../i18n/formatTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/** Milliseconds per minute. */
const MINUTE_MS = 60_000;

/**
 * An agenda item's slot: "09:00–09:30 (30 phút)" with a start time, "30 phút" without one,
 * nothing when neither is planned.
 */
export function TimeSlot({ item }: { item: Pick<AgendaItem, 'startsAt' | 'durationMinutes'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const minutes = item.durationMinutes;
  if (item.startsAt === null) {
    return minutes > 0 ? (
      <span className="time-slot">{t('agenda.duration', { count: minutes })}</span>
    ) : null;
  }
  const start = Date.parse(item.startsAt);
  const startText = formatTime(start, language);
  return (
    <time className="time-slot" dateTime={item.startsAt}>
      {minutes > 0
        ? t('agenda.slot', {
            start: startText,
            end: formatTime(start + minutes * MINUTE_MS, language),
            duration: t('agenda.duration', { count: minutes }),
          })
        : startText}
    </time>
  );
}
