import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/domain/meeting.ts';
import { formatDay } from '../../i18n/formatDay.ts';
import { formatTime } from '../../i18n/formatTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/**
 * When a meeting takes place, in local time: "Thứ Bảy, 21/11/2026 · 09:00–11:30". A meeting
 * that ends on a later day names both days.
 */
export function MeetingWhen({ meeting }: { meeting: Pick<Meeting, 'startsAt' | 'endsAt'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const start = Date.parse(meeting.startsAt);
  const end = Date.parse(meeting.endsAt);
  const startDay = formatDay(start, language);
  const endDay = formatDay(end, language);
  const text =
    startDay === endDay
      ? t('meetings.when.sameDay', {
          day: startDay,
          start: formatTime(start, language),
          end: formatTime(end, language),
        })
      : t('meetings.when.days', {
          startDay,
          start: formatTime(start, language),
          endDay,
          end: formatTime(end, language),
        });
  return <time dateTime={meeting.startsAt}>{text}</time>;
}
